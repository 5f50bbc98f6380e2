import { definePlugin, type TelemedPlugin } from '@telemed/plugin-sdk'
import { OpenViduProvider } from './OpenViduProvider.ts'

export { OpenViduProvider, sessionIdOf } from './OpenViduProvider.ts'

export type VideoOpenViduOptions = {
  /** The OpenVidu 2 server, e.g. https://video.clinic.example (OPENVIDU_URL). */
  url: string
  /** Its secret (OPENVIDU_SECRET). */
  secret: string
}

/** The plugin's declaration: one video provider, the platform's OpenVidu server, for every clinic that uses it. */
export function openViduPlugin(options: VideoOpenViduOptions): TelemedPlugin {
  const provider = new OpenViduProvider(options.url, options.secret)
  return {
    name: 'video-openvidu',
    providers: { video: { name: 'openvidu', label: 'OpenVidu (group calls, recording)', create: () => provider } },
  }
}

/**
 * Video visits on OpenVidu beside the embedded peer-to-peer default: the
 * platform's join endpoint asks this provider for tokens and closes the session
 * when the visit ends. Once on, it is the platform's default video provider; a
 * clinic admin can still choose the built-in one (Clinics → Providers). Turned on
 * in config/src/plugins.ts when OPENVIDU_URL is set.
 */
export const videoOpenViduPlugin = (options: VideoOpenViduOptions) => definePlugin(openViduPlugin(options))
