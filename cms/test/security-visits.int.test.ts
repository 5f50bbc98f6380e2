/**
 * Relations between doctors and patients come from what patients and clinics
 * do, never from what a doctor writes; and one patient cannot hoard a clinic's
 * free times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createAppointment, createRecord, createUser, nextSlot, openAllWeek, PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let doctor: Client
let alphaAdmin: Client
const sys = { overrideAccess: true, depth: 0 } as const
const visits = () => server.payload.count({ collection: 'appointments', overrideAccess: true }).then((r) => r.totalDocs)

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  await openAllWeek(server.payload, world.alpha.doctor)
  doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
  alphaAdmin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
})
afterAll(() => server?.close())

describe("a doctor's patients", () => {
  it('cannot be made by the doctor writing a visit, even a cancelled one', async () => {
    const stranger = await createUser(server.payload, 'stranger@alpha.test', 'patient', [world.alpha.id])
    await createRecord(server.payload, world.alpha.id, stranger.id, 'Private scan')
    const before = await visits()
    for (const status of ['cancelled', 'confirmed']) {
      const res = await doctor.request('POST', '/api/appointments', {
        tenant: world.alpha.id,
        patient: stranger.id,
        doctor: world.alpha.doctor,
        ...nextSlot(),
        status,
        visitType: 'video',
      })
      expect(res.status).toBe(403)
    }
    expect(await visits()).toBe(before)
    expect((await doctor.request('GET', `/api/users/${stranger.id}`)).status).toBe(404)
    const records = await doctor.request('GET', `/api/records?where[patient][equals]=${stranger.id}`)
    expect(records.body.totalDocs).toBe(0)
  })

  it('are not made by a cancelled visit: the doctor keeps the visit in their calendar, not the patient’s data', async () => {
    const patient = await createUser(server.payload, 'cancelled-only@alpha.test', 'patient', [world.alpha.id])
    await createRecord(server.payload, world.alpha.id, patient.id, 'Blood test')
    const visit = await createAppointment(server.payload, world.alpha.id, patient.id, world.alpha.doctor, 'cancelled')
    expect((await doctor.request('GET', `/api/appointments/${visit}`)).status).toBe(200)
    expect((await doctor.request('GET', `/api/users/${patient.id}`)).status).toBe(404)
    expect((await doctor.request('GET', `/api/records?where[patient][equals]=${patient.id}`)).body.totalDocs).toBe(0)
    // A booked visit does make them the doctor's patient.
    await createAppointment(server.payload, world.alpha.id, patient.id, world.alpha.doctor, 'requested')
    expect((await doctor.request('GET', `/api/users/${patient.id}`)).status).toBe(200)
  })

  it('may be booked by the doctor once theirs, and by the clinic admin for any patient of the clinic', async () => {
    const mine = await doctor.request('POST', '/api/appointments', {
      tenant: world.alpha.id,
      patient: world.alpha.patient.id,
      doctor: world.alpha.doctor,
      ...nextSlot(),
      status: 'confirmed',
      visitType: 'video',
    })
    expect(mine.status).toBe(201)
    const newcomer = await createUser(server.payload, 'desk-booked@alpha.test', 'patient', [world.alpha.id])
    const byAdmin = await alphaAdmin.request('POST', '/api/appointments', {
      tenant: world.alpha.id,
      patient: newcomer.id,
      doctor: world.alpha.doctor,
      ...nextSlot(),
      status: 'confirmed',
      visitType: 'video',
    })
    expect(byAdmin.status).toBe(201)
    expect((await doctor.request('GET', `/api/users/${newcomer.id}`)).status).toBe(200)
  })
})

describe('slot hoarding', () => {
  const HOUR = 3_600_000
  let at = Date.now() + 30 * 24 * HOUR
  const nextStart = () => {
    at += HOUR
    const d = new Date(at)
    d.setUTCMinutes(0, 0, 0)
    return d.toISOString()
  }
  const hold = (who: Client, start = nextStart()) =>
    who.request('POST', '/api/appointments/hold', { doctor: world.alpha.doctor, start }, { 'Idempotency-Key': crypto.randomUUID() })
  const book = (who: Client, start = nextStart()) =>
    who.request('POST', '/api/appointments/book', { doctor: world.alpha.doctor, start }, { 'Idempotency-Key': crypto.randomUUID() })

  it('lets a patient hold one time at a clinic at once, with a reason when they try a second', async () => {
    const account = await createUser(server.payload, 'holder@alpha.test', 'patient', [world.alpha.id])
    const patient = await signIn(server.url, account.email, PASSWORD)
    const first = await hold(patient)
    expect(first.status).toBe(201)
    const second = await hold(patient)
    expect([second.status, second.body.errors[0].message]).toEqual([409, expect.stringMatching(/already holding a time/)])
    // Letting the first go frees the way.
    expect((await patient.request('POST', `/api/appointments/${first.body.doc.id}/cancel`, { reason: 'Other time' })).status).toBe(200)
    expect((await hold(patient)).status).toBe(201)
  })

  it('gives one hold, not ten, to ten requests sent at once', async () => {
    const account = await createUser(server.payload, 'greedy@alpha.test', 'patient', [world.alpha.id])
    const patient = await signIn(server.url, account.email, PASSWORD)
    const answers = await Promise.all(Array.from({ length: 10 }, () => hold(patient)))
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)])
    const held = await server.payload.count({
      collection: 'appointments',
      where: { and: [{ patient: { equals: account.id } }, { status: { equals: 'held' } }] },
      overrideAccess: true,
    })
    expect(held.totalDocs).toBe(1)
  })

  it('stops at the clinic’s limit of upcoming visits per patient (5 unless the clinic says otherwise)', async () => {
    const account = await createUser(server.payload, 'many-visits@alpha.test', 'patient', [world.alpha.id])
    const patient = await signIn(server.url, account.email, PASSWORD)
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await book(patient)).status)
    expect(statuses).toEqual([201, 201, 201, 201, 201, 409])
    const refused = await book(patient)
    expect(refused.body.errors[0].message).toMatch(/5 upcoming visits at this clinic/)
    await server.payload.update({
      collection: 'tenants',
      id: world.alpha.id,
      data: { bookingPolicy: { maxUpcomingVisits: 6 } },
      ...sys,
    })
    expect((await book(patient)).status).toBe(201)
    expect((await book(patient)).status).toBe(409)
  })
})
