import { randomBytes } from 'node:crypto'
import type { Endpoint } from 'payload'
import { idOf } from '../../access/roles.ts'
import { hashToken } from '../../calendar/feedToken.ts'
import { json, problem, readBody } from '../../http/endpoint.ts'
import type { Visit } from '../../http/loadVisit.ts'
import { joinWindow } from '../joinWindow.ts'
import { providerFor } from '../../plugins/providers.ts'

/**
 * `POST /api/video/guest` `{ token, key? }` → `{ grant, key?, visit }`: an invited
 * guest enters the call with the link's token, no account needed. The first call
 * redeems the link and answers a `key` that only this browser keeps (the site
 * stores it in a cookie); later calls must bring it, so the link works for one
 * device only, yet a reload or a dropped network gets the guest back in.
 * The guest learns the visit's time and the doctor's name, nothing clinical.
 * A site sends its clinic (`clinic`): a link opened on another clinic's site is
 * refused as unknown there, before it is redeemed, so it still works on its own.
 */
export const guestJoin: Endpoint = {
  path: '/video/guest',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    if (body instanceof Response) return body
    const token = typeof body.token === 'string' ? body.token : ''
    const key = typeof body.key === 'string' ? body.key : ''
    const site = typeof body.clinic === 'string' || typeof body.clinic === 'number' ? String(body.clinic) : null
    const invalid = problem(404, 'This invitation link is not valid, or the patient withdrew it.')
    if (!token) return invalid
    const { docs } = await req.payload.find({
      collection: 'visit-guests',
      where: { tokenHash: { equals: hashToken(token) } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
    })
    let guest = docs[0]
    if (!guest || guest.revokedAt) return invalid
    if (site !== null && String(idOf(guest.tenant)) !== site) return invalid

    let newKey: string | undefined
    if (!guest.redeemedAt) {
      // One atomic UPDATE … WHERE redeemedAt IS NULL: of two browsers opening the link at once, one wins.
      newKey = randomBytes(24).toString('base64url')
      const redeemed = await req.payload.db.updateOne({
        collection: 'visit-guests',
        where: { and: [{ id: { equals: guest.id } }, { redeemedAt: { exists: false } }] },
        data: { redeemedAt: new Date().toISOString(), keyHash: hashToken(newKey) },
        options: { atomic: true },
        req,
      })
      if (!redeemed) return usedElsewhere()
      guest = { ...guest, keyHash: hashToken(newKey) }
    } else if (!key || hashToken(key) !== guest.keyHash) return usedElsewhere()

    const visit = (await req.payload.findByID({
      collection: 'appointments',
      id: idOf(guest.appointment)!,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })) as Visit | null
    if (!visit) return invalid
    const doctor = await req.payload.findByID({
      collection: 'doctors',
      id: idOf(visit.doctor)!,
      depth: 0,
      overrideAccess: true,
      select: { displayName: true },
    })
    const about = { clinic: idOf(visit.tenant), start: visit.start, end: visit.end, doctor: doctor.displayName, guest: guest.name }
    const window = await joinWindow(req, visit)
    // The key is handed over even when the call is not open yet: the guest comes back with it later.
    if ('refusal' in window) return json(403, { errors: [{ message: window.refusal }], key: newKey, visit: about })

    const provider = await providerFor(req.payload, 'video', idOf(visit.tenant))
    if (!provider.supportsGuests) return problem(409, 'This clinic’s video calls are for two people; guests cannot join.')
    const session = await provider.ensureSession(String(visit.id))
    const grant = await provider.join(session, { userId: `guest-${guest.id}`, role: 'publisher', displayName: guest.name })
    return json(200, { grant: { ...grant, expiresAt: new Date(window.closes).toISOString() }, key: newKey, visit: about })
  },
}

const usedElsewhere = () => problem(410, 'This invitation was already opened on another device. Ask the patient for a new link.')
