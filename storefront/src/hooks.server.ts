import type { Handle } from '@sveltejs/kit'
import { findClinicByHost, hostnameOf } from '$lib/server/clinic.ts'

/** Every request belongs to the clinic named by its Host header. */
export const handle: Handle = async ({ event, resolve }) => {
  const hostname = hostnameOf(event.request.headers.get('host'))
  event.locals.clinic = hostname ? await findClinicByHost(hostname) : null
  return resolve(event)
}
