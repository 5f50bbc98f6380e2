import type { Handle } from '@sveltejs/kit'
import { clinicSlugInPath, findClinicByHost, findClinicBySlug, hostnameOf } from '$lib/server/clinic.ts'
import { TOKEN_COOKIE, userOfToken } from '$lib/server/session.ts'
import { isTimeZone, ZONE_COOKIE } from '$lib/format.ts'
import { allowConnections, videoConnectSources } from '$lib/server/videoCsp.ts'

// OPENVIDU_URL as declared in config/src/env.ts, read from process.env: the site imports no code of the core or its config.
const videoSources = videoConnectSources(process.env.OPENVIDU_URL)

/**
 * Every request belongs to one clinic: the one named in the path (`/c/<slug>/`,
 * for deployments on one domain) or else the one owning the Host header.
 */
export const handle: Handle = async ({ event, resolve }) => {
  const slug = clinicSlugInPath(event.url.pathname)
  const hostname = hostnameOf(event.request.headers.get('host'))
  event.locals.clinic = slug ? await findClinicBySlug(slug) : hostname ? await findClinicByHost(hostname) : null
  event.locals.basePath = slug ? `/c/${slug}` : ''
  event.locals.token = event.cookies.get(TOKEN_COOKIE)
  event.locals.visitor = { address: event.getClientAddress(), userAgent: event.request.headers.get('user-agent')?.slice(0, 300) ?? '' }
  event.locals.user = await userOfToken(event.locals, event.locals.token)
  // The visitor's own zone, sent by the browser (see +layout.svelte); the clinic's until then.
  const zone = event.cookies.get(ZONE_COOKIE)
  event.locals.timeZone = isTimeZone(zone) ? zone : (event.locals.clinic?.timeZone ?? 'UTC')
  const response = await resolve(event)
  const policy = response.headers.get('content-security-policy')
  const withVideo = allowConnections(policy, videoSources)
  if (withVideo !== policy) response.headers.set('content-security-policy', withVideo!)
  return response
}
