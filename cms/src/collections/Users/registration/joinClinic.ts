import { emitDomainEvent } from '../../../events/emit.ts'
import type { Endpoint } from 'payload'
import { clinicsOf, sameId, userOf } from '../../../access/roles.ts'
import { lookup } from '../../../database/index.ts'
import { json, problem, readBody } from '../../../http/endpoint.ts'
import { JOINING_CLINIC } from '../hooks/guardRoleAndClinics.ts'
import { clinicOf } from './clinicOf.ts'

/**
 * `POST /api/users/join-clinic` `{ clinic, consent: true }`: a signed-in patient
 * of one clinic becomes a patient of another too, accepting that clinic's
 * consent and terms (on its site, after signing in with their own password).
 * Staff are added to clinics by the clinics' admins, never by themselves.
 */
export const joinClinic: Endpoint = {
  path: '/join-clinic',
  method: 'post',
  handler: async (req) => {
    const user = userOf(req)
    if (!user) return problem(401, 'Sign in first.')
    if (user.role !== 'patient') return problem(403, 'Staff accounts are added to a clinic by its admins.')
    const body = await readBody(req)
    if (body instanceof Response) return body
    const clinic = await clinicOf(req, body.clinic)
    if (!clinic) return problem(422, 'There is no such clinic.', 'clinic')
    if (clinicsOf(user).some((c) => sameId(c, clinic.id))) return json(200, { message: `You are a patient of ${clinic.name}.` })
    if (body.consent !== true) return problem(400, `Accept ${clinic.name}'s consent and terms to join.`, 'consent')
    const account = (await lookup.byId(req, 'users', user.id, { tenants: true, consents: true }))!
    req.context[JOINING_CLINIC] = clinic.id
    await req.payload.update({
      collection: 'users',
      id: user.id,
      req,
      overrideAccess: true,
      depth: 0,
      data: {
        tenants: [...(account.tenants ?? []), { tenant: clinic.id }],
        consents: [...(account.consents ?? []), { tenant: clinic.id, acceptedAt: new Date().toISOString() }],
      },
    })
    await emitDomainEvent(req, 'user.registered', { user: user.id, tenant: clinic.id })
    return json(200, { message: `Welcome to ${clinic.name}.` })
  },
}
