import type { Config, Plugin } from 'payload'
import { OpenViduProvider } from './OpenViduProvider.ts'

export { OpenViduProvider, sessionIdOf } from './OpenViduProvider.ts'

export type VideoOpenViduOptions = {
  /** The OpenVidu 2 server, e.g. https://video.clinic.example (OPENVIDU_URL). */
  url: string
  /** Its secret (OPENVIDU_SECRET). */
  secret: string
}

/**
 * Video visits on OpenVidu instead of the embedded peer-to-peer default: the
 * platform's join endpoint asks this provider for tokens and closes the session
 * when the visit ends. Turned on in config/src/plugins.ts when OPENVIDU_URL is set.
 */
export const videoOpenViduPlugin =
  (options: VideoOpenViduOptions): Plugin =>
  (config: Config): Config => ({
    ...config,
    custom: { ...config.custom, videoProvider: new OpenViduProvider(options.url, options.secret) },
  })
