import { randomBytes } from 'node:crypto'
import type { Endpoint } from 'payload'
import { idOf, sameId } from '../../access/roles.ts'
import { hashToken } from '../../calendar/feedToken.ts'
import { clinicLink } from '../../email/clinicLink.ts'
import { json, problem } from '../../http/endpoint.ts'
import { loadVisit, visitAction } from '../../http/loadVisit.ts'
import { joinWindow } from '../joinWindow.ts'
import { providerFor } from '../../plugins/providers.ts'

/** Guests a visit may have at once (invitations not withdrawn). */
export const MAX_GUESTS = 2

/**
 * `POST /api/appointments/:id/guests` `{ name }` → 201 `{ id, name, url }`: the
 * visit's patient invites someone to the call with a one-time link, shown once.
 * Only for upcoming video visits, and only when the video service takes more than
 * two people (OpenVidu; the built-in peer-to-peer video is two-party).
 */
export const inviteGuest = visitAction('/:id/guests', async (req, { visit, actor, body }) => {
  if (actor !== 'patient') return problem(403, 'Only the patient invites guests to their visit.')
  const name = typeof body.name === 'string' ? body.name.trim() : ''
  if (!name || name.length > 80) return problem(400, 'Give the guest’s name (up to 80 characters), so the doctor knows who joins.', 'name')
  if (visit.visitType !== 'video') return problem(409, 'Guests can join video visits only.')
  const window = await joinWindow(req, visit)
  const upcoming = visit.status === 'requested' ? Date.parse(visit.end) > Date.now() : !('why' in window) || window.why === 'too-early'
  if (!upcoming) return problem(409, 'Guests can be invited to upcoming visits only (or one going on now).')
  if (!(await providerFor(req.payload, 'video', idOf(visit.tenant))).supportsGuests)
    return problem(409, 'This clinic’s video calls are for two people, so guests cannot be invited. Ask the clinic about adding someone.')
  const { totalDocs } = await req.payload.count({
    collection: 'visit-guests',
    where: { and: [{ appointment: { equals: visit.id } }, { revokedAt: { exists: false } }] },
    overrideAccess: true,
  })
  if (totalDocs >= MAX_GUESTS) return problem(409, `A visit can have up to ${MAX_GUESTS} guests. Withdraw an invitation first.`)

  const token = randomBytes(24).toString('base64url')
  const guest = await req.payload.create({
    collection: 'visit-guests',
    data: { tenant: idOf(visit.tenant), appointment: visit.id, patient: idOf(visit.patient), name, tokenHash: hashToken(token) },
    overrideAccess: true,
    req,
  })
  return json(201, {
    id: guest.id,
    name,
    url: await clinicLink(req, idOf(visit.tenant), `/visit-invite/${token}`),
    message: 'Send this link to your guest. It works once, on one device, during the visit.',
  })
})

/** `DELETE /api/appointments/:id/guests/:guest`: the patient withdraws an invitation; the link stops working. */
export const withdrawGuest: Endpoint = {
  path: '/:id/guests/:guest',
  method: 'delete',
  handler: async (req) => {
    const loaded = await loadVisit(req)
    if (loaded instanceof Response) return loaded
    if (loaded.actor !== 'patient') return problem(403, 'Only the patient withdraws their invitations.')
    const guest = await req.payload.findByID({
      collection: 'visit-guests',
      id: String(req.routeParams?.guest),
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!guest || !sameId(idOf(guest.appointment), loaded.visit.id)) return problem(404, 'There is no such guest of this visit.')
    await req.payload.update({
      collection: 'visit-guests',
      id: guest.id,
      data: { revokedAt: guest.revokedAt ?? new Date().toISOString() },
      overrideAccess: true,
      req,
    })
    return json(200, { message: `${guest.name}’s link no longer works.` })
  },
}
