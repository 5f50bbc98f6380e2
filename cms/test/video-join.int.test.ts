/** Joining a video visit: only its patient and doctor, only when confirmed, only inside the clinic's join window. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, visitAt, type World } from './support/world.ts'
import type { Appointment } from '../src/payload-types.ts'

let server: TestServer
let world: World
let patient: Client
let doctor: Client
const MINUTE = 60_000

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
})
afterAll(() => server?.close())

// Each test's visits are cancelled afterwards: the doctor cannot have two at once (the booking guard).
const created: (number | string)[] = []
afterEach(async () => {
  for (const id of created.splice(0))
    await server.payload.update({ collection: 'appointments', id, data: { status: 'cancelled' }, overrideAccess: true })
})

/** A visit of the first patient with the first doctor, starting `minutes` from now (negative: in the past). */
async function visitIn(minutes: number, status: Appointment['status'] = 'confirmed') {
  const start = Math.round((Date.now() + minutes * MINUTE) / MINUTE) * MINUTE
  const visit = await visitAt(server.payload, world.alpha, start, { status })
  created.push(visit.id)
  return visit
}
const join = (who: Client, id: number | string) => who.request('POST', `/api/appointments/${id}/join`)
const reason = (res: { body: any }) => res.body.errors?.[0]?.message

describe('POST /api/appointments/:id/join', () => {
  it('gives the patient and the doctor the same room, with their roles, until the window closes', async () => {
    const visit = await visitIn(-5)
    const mine = await join(patient, visit.id)
    const theirs = await join(doctor, visit.id)
    expect([mine.status, theirs.status]).toEqual([200, 200])
    expect(mine.body).toEqual({
      provider: 'p2p',
      room: `appointment-${visit.id}`,
      role: 'publisher',
      expiresAt: new Date(visit.end + 60 * MINUTE).toISOString(),
      iceServers: [],
    })
    expect([theirs.body.room, theirs.body.role]).toEqual([`appointment-${visit.id}`, 'moderator'])
  })

  it('refuses everyone else, and says why', async () => {
    const visit = await visitIn(-5)
    expect((await client(server.url).request('POST', `/api/appointments/${visit.id}/join`)).status).toBe(401)
    const admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    const byAdmin = await join(admin, visit.id)
    expect([byAdmin.status, reason(byAdmin)]).toEqual([403, expect.stringMatching(/not a participant/)])
    // Another patient and another clinic's doctor do not even learn that the visit exists.
    const other = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    const elsewhere = await signIn(server.url, world.beta.doctorUser.email, PASSWORD)
    expect([(await join(other, visit.id)).status, (await join(elsewhere, visit.id)).status]).toEqual([404, 404])
  })

  it('opens 15 minutes before the start and closes 60 minutes after the end, by default', async () => {
    const soon = await visitIn(45)
    const early = await join(patient, soon.id)
    // The clinic's zone in the sentence (with the day when it is not today there); the instant for sites to show in their viewer's.
    expect([early.status, reason(early), early.body.errors[0].opensAt]).toEqual([
      403,
      expect.stringMatching(/^Too early: the visit opens at (\w{3} \d{1,2} \w{3}, )?\d\d:\d\d \(.+\), 15 minutes before it starts\.$/),
      new Date(soon.start - 15 * MINUTE).toISOString(),
    ])
    expect((await join(patient, (await visitIn(10)).id)).status).toBe(200)
    expect((await join(patient, (await visitIn(-80)).id)).status).toBe(200)
    const late = await join(patient, (await visitIn(-120)).id)
    expect([late.status, reason(late)]).toEqual([403, 'Too late: this visit has ended.'])
  })

  it('follows the clinic’s own window', async () => {
    const visit = await visitIn(100)
    expect((await join(patient, visit.id)).status).toBe(403)
    await server.payload.update({
      collection: 'tenants',
      id: world.alpha.id,
      data: { video: { joinMinutesBefore: 120, joinMinutesAfter: 60 } },
      overrideAccess: true,
    })
    expect((await join(patient, visit.id)).status).toBe(200)
    await server.payload.update({
      collection: 'tenants',
      id: world.alpha.id,
      data: { video: { joinMinutesBefore: 15, joinMinutesAfter: 60 } },
      overrideAccess: true,
    })
  })

  it('has no webhook with the embedded provider', async () => {
    const res = await fetch(`${server.url}/api/video/webhook`, { method: 'POST', body: '{}' })
    expect([res.status, (await res.json()).errors[0].message]).toEqual([404, 'The p2p video provider sends no webhooks.'])
  })

  it('only for confirmed visits', async () => {
    const requested = await join(patient, (await visitIn(-5, 'requested')).id)
    expect([requested.status, reason(requested)]).toEqual([403, 'This visit is requested, not confirmed: there is no call to join.'])
  })
})

describe('with the two-party peer-to-peer video', () => {
  it('says plainly that guests and recordings need another video service', async () => {
    const visit = await visitIn(-5)
    const guest = await patient.request('POST', `/api/appointments/${visit.id}/guests`, { name: 'Sam Walker' })
    expect([guest.status, reason(guest)]).toEqual([409, expect.stringMatching(/for two people, so guests cannot be invited/)])
    const recording = await doctor.request('POST', `/api/appointments/${visit.id}/recording`, { action: 'start' })
    expect([recording.status, reason(recording)]).toEqual([409, 'This clinic’s video service does not record calls.'])
    expect(await server.payload.count({ collection: 'visit-guests', overrideAccess: true })).toEqual({ totalDocs: 0 })
  })
})
