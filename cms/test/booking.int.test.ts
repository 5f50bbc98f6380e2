/** Booking through REST: free slots, idempotent booking, and no double booking, ever. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import { sessionFor } from './support/sessions.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createUser, PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let patient: Client
const DAY = 24 * 60 * 60 * 1000
const allWeek = (start: string, end: string) => (['0', '1', '2', '3', '4', '5', '6'] as const).map((day) => ({ day, start, end }))

/** Tomorrow at hh:mm UTC, as the doctor (working in UTC) offers it. */
const tomorrowAt = (hh: number, mm = 0) => {
  const d = new Date(Date.now() + DAY)
  d.setUTCHours(hh, mm, 0, 0)
  return d.toISOString()
}

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  for (const id of [world.alpha.doctor, world.alpha.otherDoctor]) {
    await server.payload.update({
      collection: 'doctors',
      id,
      data: {
        weeklyHours: allWeek('08:00', '20:00'),
        visitMinutes: 30,
        minimumNoticeMinutes: 0,
        bookingHorizonDays: 30,
        bufferAfterMinutes: 0,
      },
      overrideAccess: true,
    })
  }
  // One patient books many visits here: lift the clinic's limit (security-visits.int.test.ts tests it).
  await server.payload.update({
    collection: 'tenants',
    id: world.alpha.id,
    data: { bookingPolicy: { maxUpcomingVisits: 100 } },
    overrideAccess: true,
  })
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
})
afterAll(() => server?.close())

const book = (who: Client, body: Record<string, unknown>, key: string | null = crypto.randomUUID()) =>
  who.request('POST', '/api/appointments/book', body, key ? { 'Idempotency-Key': key } : {})
const blockingAt = async (start: string) =>
  (
    await server.payload.count({
      collection: 'appointments',
      where: { and: [{ doctor: { equals: world.alpha.doctor } }, { start: { equals: start } }, { blocking: { equals: true } }] },
      overrideAccess: true,
    })
  ).totalDocs

describe('slots', () => {
  it("lists a doctor's free slots as UTC instants with the doctor's zone", async () => {
    const from = tomorrowAt(0)
    const res = await client(server.url).request(
      'GET',
      `/api/doctors/${world.alpha.doctor}/slots?from=${from}&to=${new Date(Date.parse(from) + DAY).toISOString()}`,
    )
    expect(res.status).toBe(200)
    expect(res.body.timeZone).toBe('UTC')
    expect(res.body.slots).toHaveLength(24)
    expect(res.body.slots[0]).toEqual({ doctor: world.alpha.doctor, start: tomorrowAt(8), end: tomorrowAt(8, 30) })
  })

  it("lists a clinic's slots by specialty, and explains bad queries", async () => {
    await server.payload.update({
      collection: 'doctors',
      id: world.alpha.otherDoctor,
      data: { specialties: ['Dermatology'] },
      overrideAccess: true,
    })
    const from = tomorrowAt(0)
    const to = new Date(Date.parse(from) + DAY).toISOString()
    const all = await client(server.url).request('GET', `/api/slots?clinic=alpha&from=${from}&to=${to}`)
    expect(new Set(all.body.slots.map((s: any) => s.doctor))).toEqual(new Set([world.alpha.doctor, world.alpha.otherDoctor]))
    const derm = await client(server.url).request('GET', `/api/slots?clinic=alpha&specialty=Dermatology&from=${from}&to=${to}`)
    expect(new Set(derm.body.slots.map((s: any) => s.doctor))).toEqual(new Set([world.alpha.otherDoctor]))
    // first=1: each doctor's next free slot only, the earliest of the full list.
    const first = await client(server.url).request('GET', `/api/slots?clinic=alpha&from=${from}&to=${to}&first=1`)
    const earliest = (doctor: unknown) => all.body.slots.find((s: any) => s.doctor === doctor)
    expect(first.body.slots).toEqual(expect.arrayContaining([earliest(world.alpha.doctor), earliest(world.alpha.otherDoctor)]))
    expect(first.body.slots).toHaveLength(2)
    expect((await client(server.url).request('GET', '/api/slots?clinic=nowhere')).status).toBe(404)
    const bad = await client(server.url).request('GET', '/api/slots?clinic=alpha&from=soon')
    expect([bad.status, bad.body.errors[0].message]).toEqual([400, expect.stringMatching(/from is not a date/)])
  })
})

describe('booking', () => {
  it('books a free slot once per Idempotency-Key, however often it is retried', async () => {
    const start = tomorrowAt(9)
    const key = crypto.randomUUID()
    const first = await book(patient, { doctor: world.alpha.doctor, start, reason: 'Sore throat', visitType: 'video' }, key)
    expect([first.status, first.body.doc.status, first.body.doc.start]).toEqual([201, 'confirmed', start])
    const retry = await book(patient, { doctor: world.alpha.doctor, start, reason: 'Sore throat', visitType: 'video' }, key)
    expect([retry.status, retry.body.doc.id]).toEqual([201, first.body.doc.id])
    expect(await blockingAt(start)).toBe(1)
    // The slot is gone from the list.
    const slots = await client(server.url).request('GET', `/api/doctors/${world.alpha.doctor}/slots?from=${start}&to=${tomorrowAt(10)}`)
    expect(slots.body.slots.map((s: any) => s.start)).toEqual([tomorrowAt(9, 30)])
  })

  it('answers every copy of a request sent several times at once (a double tap) with the one visit', async () => {
    const start = tomorrowAt(15)
    const key = crypto.randomUUID()
    const copies = await Promise.all(Array.from({ length: 8 }, () => book(patient, { doctor: world.alpha.doctor, start }, key)))
    const ids = new Set(copies.map((c) => c.body.doc?.id))
    expect(copies.map((c) => c.status)).toEqual(Array(8).fill(201))
    expect(ids.size).toBe(1)
    expect(await blockingAt(start)).toBe(1)
  })

  it('refuses a taken time with 409 and a sentence, and a second visit of the same patient at once', async () => {
    const other = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    const taken = await book(other, { doctor: world.alpha.doctor, start: tomorrowAt(9) })
    expect([taken.status, taken.body.errors[0].message]).toEqual([409, expect.stringMatching(/overlaps another visit/)])
    const twice = await book(patient, { doctor: world.alpha.otherDoctor, start: tomorrowAt(9) })
    expect([twice.status, twice.body.errors[0].message]).toEqual([409, expect.stringMatching(/already have a visit at this time/)])
  })

  it('explains bad requests and books nothing', async () => {
    const before = (await server.payload.count({ collection: 'appointments', overrideAccess: true })).totalDocs
    expect((await book(patient, { doctor: world.alpha.doctor, start: tomorrowAt(11) }, null)).status).toBe(400)
    const offGrid = await book(patient, { doctor: world.alpha.doctor, start: tomorrowAt(11, 10) })
    expect([offGrid.status, offGrid.body.errors[0].message]).toEqual([422, expect.stringMatching(/not one of the doctor's bookable times/)])
    expect((await book(patient, { doctor: world.alpha.doctor, start: tomorrowAt(22) })).status).toBe(422)
    expect((await book(patient, { doctor: world.alpha.doctor, start: new Date(Date.now() - DAY).toISOString() })).status).toBe(422)
    expect((await book(patient, { doctor: world.alpha.doctor, start: 'noon' })).status).toBe(400)
    expect((await book(patient, { doctor: world.beta.doctor, start: tomorrowAt(11) })).status).toBe(403)
    const raw = await fetch(`${server.url}/api/appointments/book`, {
      method: 'POST',
      headers: { Authorization: `JWT ${patient.token}`, 'Idempotency-Key': 'x1', 'Content-Type': 'application/json' },
      body: '{"doctor":',
    })
    expect(raw.status).toBe(400)
    expect((await book(client(server.url), { doctor: world.alpha.doctor, start: tomorrowAt(11) })).status).toBe(401)
    expect((await server.payload.count({ collection: 'appointments', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('lets exactly one of 50 simultaneous patients have the same slot', async () => {
    const start = tomorrowAt(14)
    const patients = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        // Created at once (50 passwords hashed at once), signed in without a password check each (see sessionFor).
        const p = await createUser(server.payload, `racer-${i}@alpha.test`, 'patient', [world.alpha.id])
        return sessionFor(server.payload, server.url, p.id)
      }),
    )
    const results = await Promise.all(patients.map((p) => book(p, { doctor: world.alpha.doctor, start, reason: 'Race' })))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(49)
    expect(await blockingAt(start)).toBe(1)
  })

  it('guards the admin path too: an edit into a taken time is refused', async () => {
    const admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    const res = await admin.request('PATCH', `/api/appointments/${world.alpha.appointment}`, {
      start: tomorrowAt(9),
      end: tomorrowAt(9, 30),
    })
    expect([res.status, res.body.errors[0].message]).toEqual([409, expect.stringMatching(/overlaps another visit/)])
  })

  it('is enforced by the database itself, below every hook', async () => {
    const row = (
      await server.payload.find({ collection: 'appointments', where: { start: { equals: tomorrowAt(9) } }, overrideAccess: true, depth: 0 })
    ).docs[0]!
    const { id: _id, history: _history, ...copy } = row
    // The adapter needs no request outside a transaction; its type asks for a whole one.
    await expect(
      server.payload.db.create({ collection: 'appointments', data: { ...copy, patient: world.alpha.otherPatient.id }, req: {} as never }),
    ).rejects.toThrow()
    expect(await blockingAt(tomorrowAt(9))).toBe(1)
  })

  it('frees the slot as soon as the visit is cancelled', async () => {
    const start = tomorrowAt(16)
    const booked = await book(patient, { doctor: world.alpha.doctor, start })
    const admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    expect(
      (
        await admin.request('PATCH', `/api/appointments/${booked.body.doc.id}`, {
          status: 'cancelled',
          cancellationReason: 'Patient asked',
        })
      ).status,
    ).toBe(200)
    const other = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    expect((await book(other, { doctor: world.alpha.doctor, start })).status).toBe(201)
  })

  it('leaves the visit requested when the clinic approves bookings itself', async () => {
    await server.payload.update({
      collection: 'tenants',
      id: world.alpha.id,
      data: { bookingPolicy: { approvalRequired: true, cancellationCutoffHours: 24 } },
      overrideAccess: true,
    })
    const res = await book(patient, { doctor: world.alpha.doctor, start: tomorrowAt(18) })
    expect([res.status, res.body.doc.status]).toEqual([201, 'requested'])
  })
})

describe('holds', () => {
  it('keeps a slot for the patient, turns into a booking, and frees itself when it runs out', async () => {
    const start = tomorrowAt(12)
    const held = await patient.request(
      'POST',
      '/api/appointments/hold',
      { doctor: world.alpha.doctor, start },
      { 'Idempotency-Key': crypto.randomUUID() },
    )
    expect([held.status, held.body.doc.status, held.body.message]).toEqual([
      201,
      'held',
      expect.stringMatching(/kept for you for 10 minutes/),
    ])
    const other = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    expect((await book(other, { doctor: world.alpha.doctor, start })).status).toBe(409)
    const booked = await book(patient, { hold: held.body.doc.id, reason: 'Follow-up' })
    expect([booked.status, booked.body.doc.id, booked.body.doc.status]).toEqual([
      201,
      held.body.doc.id,
      expect.stringMatching(/^(requested|confirmed)$/),
    ])

    // A hold that ran out blocks nobody, on the slot list and on booking.
    const later = tomorrowAt(12, 30)
    const stale = await patient.request(
      'POST',
      '/api/appointments/hold',
      { doctor: world.alpha.doctor, start: later },
      { 'Idempotency-Key': crypto.randomUUID() },
    )
    await server.payload.db.updateOne({
      collection: 'appointments',
      id: stale.body.doc.id,
      data: { holdExpiresAt: new Date(Date.now() - 1000).toISOString() },
      req: {} as never,
    })
    const slots = await client(server.url).request('GET', `/api/doctors/${world.alpha.doctor}/slots?from=${later}&to=${tomorrowAt(13)}`)
    expect(slots.body.slots.map((s: any) => s.start)).toEqual([later])
    expect((await book(patient, { hold: stale.body.doc.id })).status).toBe(409)
    const taken = await book(other, { doctor: world.alpha.doctor, start: later })
    expect(taken.status).toBe(201)
    expect(taken.body.doc.id).not.toBe(stale.body.doc.id)
    expect(
      await server.payload.findByID({ collection: 'appointments', id: stale.body.doc.id, overrideAccess: true, disableErrors: true }),
    ).toBeNull()
  })
})

describe("a doctor's daily maximum", () => {
  it('holds on booking as on the slot list: a day that has its visits takes no more, even asked for directly', async () => {
    const doctor = world.alpha.otherDoctor
    await server.payload.update({ collection: 'doctors', id: doctor, data: { dailyMaximum: 1 }, overrideAccess: true })
    try {
      const day = (hh: number) => new Date(Date.parse(tomorrowAt(hh)) + 5 * DAY).toISOString()
      expect((await book(patient, { doctor, start: day(9) })).status).toBe(201)
      // The afternoon alone: the morning visit is outside the asked range, and still closes the day.
      const afternoon = await client(server.url).request('GET', `/api/doctors/${doctor}/slots?from=${day(14)}&to=${day(18)}`)
      expect(afternoon.body.slots).toEqual([])
      const other = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
      const refused = await book(other, { doctor, start: day(15) })
      expect(refused.status).toBe(409)
      expect(refused.body.errors[0]).toMatchObject({
        path: 'start',
        message: 'The doctor is fully booked that day. Pick a time on another day.',
      })
      // The next day is open.
      expect((await book(other, { doctor, start: new Date(Date.parse(day(15)) + DAY).toISOString() })).status).toBe(201)
    } finally {
      await server.payload.update({ collection: 'doctors', id: doctor, data: { dailyMaximum: null }, overrideAccess: true })
    }
  })
})
