/**
 * "Running late": the visit's doctor (or the clinic's staff) tells the waiting
 * patient that the visit starts late. Stored on the visit, readable by its
 * patient, sent at once to the visit's live room; nobody else may set it, and
 * nobody sets it by writing the visit directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectLive } from './support/liveClient.ts'
import { signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createAppointment, PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
const as: Record<string, Client> = {}
let visit: string | number
const late = (who: string, minutes: unknown, id = visit) => as[who]!.request('POST', `/api/appointments/${id}/running-late`, { minutes })
const stored = async () => {
  const doc = await server.payload.findByID({ collection: 'appointments', id: visit, overrideAccess: true, depth: 0 })
  return { minutes: doc.runningLateMinutes ?? null, setAt: doc.runningLateSetAt ?? null }
}

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  const accounts = {
    patient: world.alpha.patient.email,
    doctor: world.alpha.doctorUser.email,
    sameClinicDoctor: world.alpha.otherDoctorUser.email,
    admin: world.alpha.admin.email,
    otherClinicDoctor: world.beta.doctorUser.email,
    otherClinicAdmin: world.beta.admin.email,
  }
  for (const [who, email] of Object.entries(accounts)) as[who] = await signIn(server.url, email, PASSWORD)
  visit = await createAppointment(server.payload, world.alpha.id, world.alpha.patient.id, world.alpha.doctor)
})
afterAll(() => server?.close())

describe('running late', () => {
  it('is set by the visit’s doctor, read by the patient, and reaches the patient waiting in the room at once', async () => {
    const room = await connectLive(server.url, as.patient!.token!)
    room.send({ type: 'subscribe', appointment: String(visit) })
    await room.next((m) => m.type === 'subscribed')

    const set = await late('doctor', 10)
    expect(set.status).toBe(200)
    expect(set.body.runningLateMinutes).toBe(10)
    const heard = await room.next((m) => m.type === 'running-late')
    expect(heard).toMatchObject({ appointment: String(visit), minutes: 10 })
    expect(Date.parse(heard.setAt)).toBeGreaterThan(Date.now() - 60_000)

    const read = await as.patient!.request('GET', `/api/appointments/${visit}`)
    expect(read.body).toMatchObject({ runningLateMinutes: 10, runningLateSetAt: heard.setAt })

    // Cleared with 0: the room hears it too.
    expect((await late('doctor', 0)).status).toBe(200)
    await room.next((m) => m.type === 'running-late' && m.minutes === 0)
    expect(await stored()).toEqual({ minutes: null, setAt: null })
    room.ws.close()
  })

  it('reaches the patient on the visit’s page before they join (watching: not present in the room, no signalling)', async () => {
    const doctorRoom = await connectLive(server.url, as.doctor!.token!)
    doctorRoom.send({ type: 'subscribe', appointment: String(visit) })
    await doctorRoom.next((m) => m.type === 'subscribed')
    const lobby = await connectLive(server.url, as.patient!.token!)
    lobby.send({ type: 'watch', appointment: String(visit) })
    expect(await lobby.next((m) => m.type === 'watching')).toEqual({ type: 'watching', appointment: String(visit), role: 'patient' })
    expect((await late('doctor', 20)).status).toBe(200)
    await lobby.next((m) => m.type === 'running-late' && m.minutes === 20)
    // Watching is not being there: the doctor sees nobody arrive, and the watcher cannot signal.
    await doctorRoom.settled()
    expect(doctorRoom.received.filter((m) => m.type === 'presence').every((m) => m.participants.length === 1)).toBe(true)
    lobby.send({ type: 'signal', appointment: String(visit), data: { hello: true } })
    expect((await lobby.next((m) => m.type === 'error')).reason).toBe('Subscribe to the visit first.')
    // Someone else's visit cannot be watched.
    const stranger = await connectLive(server.url, as.otherClinicDoctor!.token!)
    stranger.send({ type: 'watch', appointment: String(visit) })
    expect((await stranger.next((m) => m.type === 'error')).reason).toBe('You are not a participant of this visit.')
    expect((await late('doctor', 0)).status).toBe(200)
    for (const c of [doctorRoom, lobby, stranger]) c.ws.close()
  })

  it('is set by the clinic’s admin too', async () => {
    expect((await late('admin', 15)).status).toBe(200)
    expect((await stored()).minutes).toBe(15)
  })

  it('is refused to the patient, another doctor of the clinic, and another clinic’s doctor and admin, changing nothing', async () => {
    const before = await stored()
    expect((await late('patient', 5)).status).toBe(403)
    // Another doctor of the clinic (not the patient's) and another clinic's people do not learn that the visit exists.
    expect((await late('sameClinicDoctor', 5)).status).toBe(404)
    expect((await late('otherClinicDoctor', 5)).status).toBe(404)
    expect((await late('otherClinicAdmin', 5)).status).toBe(404)
    expect(await stored()).toEqual(before)
  })

  it('is not written by editing the visit directly, even by its doctor', async () => {
    const before = await stored()
    const patched = await as.doctor!.request('PATCH', `/api/appointments/${visit}`, { runningLateMinutes: 20, runningLateSetAt: new Date().toISOString() })
    expect(patched.status).toBeLessThan(500)
    expect(await stored()).toEqual(before)
  })

  it('takes only the offered delays, with a clear error', async () => {
    const before = await stored()
    for (const bad of [7, -5, '10', null, 120]) {
      const res = await late('doctor', bad)
      expect(res.status).toBe(400)
      expect(res.body.errors[0]).toMatchObject({ path: 'minutes', message: expect.stringContaining('0 clears') })
    }
    expect(await stored()).toEqual(before)
  })

  it('is dropped when the visit moves to another time, and when it is cancelled', async () => {
    const moving = await createAppointment(server.payload, world.alpha.id, world.alpha.patient.id, world.alpha.doctor)
    const read = async () => {
      const doc = await server.payload.findByID({ collection: 'appointments', id: moving, overrideAccess: true, depth: 0 })
      return { minutes: doc.runningLateMinutes ?? null, setAt: doc.runningLateSetAt ?? null, start: doc.start, end: doc.end }
    }
    expect((await late('doctor', 15, moving)).status).toBe(200)
    const before = await read()
    expect(before.minutes).toBe(15)
    // A note change keeps it; a move to another day (far from the other test visits) drops it.
    await server.payload.update({ collection: 'appointments', id: moving, overrideAccess: true, data: { reason: 'Follow-up' } })
    expect((await read()).minutes).toBe(15)
    const later = 400 * 24 * 3_600_000
    await server.payload.update({
      collection: 'appointments',
      id: moving,
      overrideAccess: true,
      data: { start: new Date(Date.parse(before.start) + later).toISOString(), end: new Date(Date.parse(before.end) + later).toISOString() },
    })
    expect(await read()).toMatchObject({ minutes: null, setAt: null })

    expect((await late('doctor', 5, moving)).status).toBe(200)
    await server.payload.update({ collection: 'appointments', id: moving, overrideAccess: true, data: { status: 'cancelled' } })
    expect(await read()).toMatchObject({ minutes: null, setAt: null })
  })

  it('is refused once the visit is cancelled', async () => {
    const cancelled = await createAppointment(server.payload, world.alpha.id, world.alpha.patient.id, world.alpha.doctor, 'cancelled')
    expect((await late('doctor', 5, cancelled)).status).toBe(409)
  })
})
