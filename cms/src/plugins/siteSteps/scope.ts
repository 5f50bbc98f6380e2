import type { PayloadRequest } from 'payload'
import type { SiteSlot, SiteStepInput } from '@telemed/plugin-sdk'
import { clinicsOf, idOf, roleOf, sameId, userOf } from '../../access/roles.ts'
import { clinicOf } from '../../collections/Users/registration/clinicOf.ts'
import { clinicSite } from '../../email/clinicLink.ts'
import { lookup } from '../../database/index.ts'
import { problem } from '../../http/endpoint.ts'

export const SLOTS: readonly SiteSlot[] = ['booking.afterTime', 'visit.panel', 'account.page']
export const isSlot = (value: unknown): value is SiteSlot => SLOTS.includes(value as SiteSlot)

/** Booking and visit steps are about one visit; account pages about none. */
export const needsAppointment = (slot: SiteSlot) => slot !== 'account.page'

/** What a step is shown for, checked: its input without the page address (see pageUrl), and the clinic's site. */
export type StepScope = { input: Omit<SiteStepInput, 'pageUrl'>; site: string }

/** A whole number the databases store (up to 2³¹−1 on PostgreSQL), or a MongoDB ObjectId. */
const isDocumentId = (id: string) => (/^\d{1,10}$/.test(id) && Number(id) <= 2_147_483_647) || /^[a-f0-9]{24}$/.test(id)

const noSuchVisit = () => problem(404, 'There is no such appointment.', 'appointment')

/**
 * The signed-in person, the clinic whose site asks (`clinic`, its id or slug:
 * the site calls the API from its server, so it names its clinic as other site
 * calls do) and, for booking and visit slots, the visit (`appointment`). The
 * visit must be the person's own as its patient, at this very clinic; anything
 * else, including a visit of theirs at another clinic they also belong to, is
 * "no such appointment" (404), so nobody learns that a visit exists. Refusals
 * come as responses in Payload's error shape.
 */
export async function stepScope(
  req: PayloadRequest,
  slot: SiteSlot,
  named: { clinic: unknown; appointment: unknown },
): Promise<StepScope | Response> {
  const user = userOf(req)
  if (!req.user || !user) return problem(401, 'Sign in first.')
  if (named.clinic === undefined || named.clinic === null || named.clinic === '')
    return problem(400, "Say which clinic's site asks: clinic=<clinic id or slug>.", 'clinic')
  const clinic = await clinicOf(req, named.clinic)
  if (!clinic) return problem(404, 'There is no such clinic.', 'clinic')
  const slug = String((await lookup.byIdOnce(req, 'tenants', clinic.id, { slug: true }))?.slug ?? '')
  const member = clinicsOf(user).some((c) => sameId(c, clinic.id))
  const base = {
    clinic: { id: String(clinic.id), slug },
    user: { id: String(user.id), email: String((req.user as { email?: unknown }).email ?? ''), roles: [roleOf(req) ?? ''].filter(Boolean) },
  }
  const site = await clinicSite(req, clinic.id)

  const given = named.appointment === undefined || named.appointment === null || named.appointment === '' ? null : String(named.appointment)
  if (!needsAppointment(slot)) {
    if (given !== null) return problem(400, 'Account pages are not about one visit: leave appointment out.', 'appointment')
    if (!member) return problem(403, 'You are not registered with this clinic.', 'clinic')
    return { input: base, site }
  }
  if (given === null) return problem(400, 'Say which visit: appointment=<appointment id>.', 'appointment')
  if (!member || !isDocumentId(given)) return noSuchVisit()
  // Read with the person's own access rules (and audited as their read), like every page of a visit.
  const visit = await req.payload
    .findByID({ collection: 'appointments', id: given, depth: 0, overrideAccess: false, req, disableErrors: true })
    .catch(() => null)
  if (!visit || roleOf(req) !== 'patient' || !sameId(idOf(visit.patient), user.id) || !sameId(idOf(visit.tenant), clinic.id))
    return noSuchVisit()
  return {
    input: {
      ...base,
      appointment: {
        id: String(visit.id),
        doctor: String(idOf(visit.doctor) ?? ''),
        start: String(visit.start),
        end: String(visit.end),
        status: String(visit.status),
      },
    },
    site,
  }
}

/** The page of the clinic's site that shows a step: the return address a plugin gives an outside page. */
export function pagePath(slot: SiteSlot, plugin: string, step: string, appointment?: string): string {
  if (slot === 'booking.afterTime') return `/appointments/${appointment}/steps/${plugin}/${step}`
  if (slot === 'visit.panel') return `/appointments/${appointment}`
  return `/account/${plugin}/${step}`
}
