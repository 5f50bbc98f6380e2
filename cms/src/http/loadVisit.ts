import type { Endpoint, PayloadRequest } from 'payload'
import type { Appointment } from '../payload-types.ts'
import { idOf, myDoctorProfileIds, roleOf, sameId } from '../access/roles.ts'
import { problem, readBody } from './endpoint.ts'

export type Visit = Appointment
export type Actor = 'patient' | 'doctor' | 'admin'

/**
 * The appointment named in the URL, read with the caller's own access rules
 * (so nobody learns that someone else's visit exists), and how the caller relates
 * to it: its patient, its doctor, or an admin of its clinic.
 */
export async function loadVisit(req: PayloadRequest): Promise<{ visit: Visit; actor: Actor } | Response> {
  if (!req.user) return problem(401, 'Sign in first.')
  const visit = await req.payload
    .findByID({
      collection: 'appointments',
      id: String(req.routeParams?.id),
      depth: 0,
      overrideAccess: false,
      // This request, so the audit entry of the read names the caller's address and browser.
      req,
      disableErrors: true,
    })
    .catch(() => null)
  if (!visit) return problem(404, 'There is no such appointment.')
  const role = roleOf(req)
  if (role === 'platform-admin' || role === 'clinic-admin') return { visit, actor: 'admin' }
  if (role === 'patient' && sameId(idOf(visit.patient), req.user.id)) return { visit, actor: 'patient' }
  if (role === 'doctor' && (await myDoctorProfileIds(req)).some((d) => sameId(d, idOf(visit.doctor)))) return { visit, actor: 'doctor' }
  return problem(403, "Only the visit's patient, its doctor or the clinic's admins can change it.")
}

/** loadVisit and readBody together, for the changes that take a body. */
export async function loadVisitWithBody(
  req: PayloadRequest,
): Promise<{ visit: Visit; actor: Actor; body: Record<string, unknown> } | Response> {
  const loaded = await loadVisit(req)
  if (loaded instanceof Response) return loaded
  const body = await readBody(req)
  return body instanceof Response ? body : { ...loaded, body }
}

/**
 * `POST /api/appointments/:id/<action>` with a JSON body: `act` runs with the
 * caller's visit, how they relate to it and the body; the refusals (not signed
 * in, no such visit, not theirs, bad JSON) are answered before it.
 */
export const visitAction = (
  path: string,
  act: (req: PayloadRequest, loaded: { visit: Visit; actor: Actor; body: Record<string, unknown> }) => Promise<Response>,
): Endpoint => ({
  path,
  method: 'post',
  handler: async (req) => {
    const loaded = await loadVisitWithBody(req)
    return loaded instanceof Response ? loaded : act(req, loaded)
  },
})

/** Writes the change as the caller (hooks record history, guard overlaps and emit events). */
export async function saveVisit(req: PayloadRequest, visit: Visit, data: Record<string, unknown>) {
  return req.payload.update({ collection: 'appointments', id: visit.id, data, req, overrideAccess: true, depth: 0 })
}
