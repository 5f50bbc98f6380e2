/** After booking: move, cancel, confirm, complete, no-show — each by the right people, at the right time, once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { onDomainEvent, type AppointmentEventType, type DomainEvent } from '../src/events/domainEvents.ts'
import { signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { openAllWeek, PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let patient: Client
let doctor: Client
let admin: Client
const events: DomainEvent<AppointmentEventType>[] = []
const HOUR = 3_600_000
/** A slot on the doctor's 30-minute grid `hours` from now. */
const slotIn = (hours: number) => new Date(Math.ceil((Date.now() + hours * HOUR) / (30 * 60_000)) * 30 * 60_000).toISOString()

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  await openAllWeek(server.payload, world.alpha.doctor, { bookingHorizonDays: 30 })
  // One patient books many visits here: lift the clinic's limit (security-visits.int.test.ts tests it).
  await server.payload.update({
    collection: 'tenants',
    id: world.alpha.id,
    data: { bookingPolicy: { maxUpcomingVisits: 100 } },
    overrideAccess: true,
  })
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
  admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
  onDomainEvent('*', (e) => void (e.type.startsWith('appointment.') && events.push(e as DomainEvent<AppointmentEventType>)))
})
afterAll(() => server?.close())

const book = async (start: string) => {
  const res = await patient.request(
    'POST',
    '/api/appointments/book',
    { doctor: world.alpha.doctor, start },
    { 'Idempotency-Key': crypto.randomUUID() },
  )
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as { id: number; status: string; start: string }
}
const eventsFor = async (id: number) => {
  await new Promise((r) => setTimeout(r, 50))
  return events.filter((e) => e.appointment === id).map((e) => e.type)
}

describe('reschedule and cancel', () => {
  it('lets the patient move a visit to another free slot, keeping the history and telling subscribers', async () => {
    const visit = await book(slotIn(72))
    const to = slotIn(73)
    const res = await patient.request('POST', `/api/appointments/${visit.id}/reschedule`, { start: to })
    expect([res.status, res.body.doc.start]).toEqual([200, to])
    expect(res.body.doc.history.map((h: any) => h.change)).toEqual([
      expect.stringMatching(/^created/),
      expect.stringMatching(/^start /),
      expect.stringMatching(/^end /),
    ])
    expect(await eventsFor(visit.id)).toEqual(['appointment.booked', 'appointment.rescheduled'])
    expect(events.find((e) => e.type === 'appointment.rescheduled' && e.appointment === visit.id)!.previous).toEqual({
      start: slotIn(72),
      end: expect.any(String),
    })
    const past = await patient.request('POST', `/api/appointments/${visit.id}/reschedule`, {
      start: new Date(Date.now() - HOUR).toISOString(),
    })
    expect(past.status).toBe(422)
  })

  it("holds patients to the clinic's cutoff, but not the doctor, and frees the slot", async () => {
    const soon = slotIn(3)
    const visit = await book(soon)
    const late = await patient.request('POST', `/api/appointments/${visit.id}/cancel`, { reason: 'Feeling better' })
    expect([late.status, late.body.errors[0].message]).toEqual([409, expect.stringMatching(/until 24 hours before/)])
    expect((await doctor.request('POST', `/api/appointments/${visit.id}/cancel`, {})).status).toBe(400)
    const byDoctor = await doctor.request('POST', `/api/appointments/${visit.id}/cancel`, { reason: 'Doctor unwell' })
    expect([byDoctor.status, byDoctor.body.doc.status, byDoctor.body.doc.cancellationReason]).toEqual([200, 'cancelled', 'Doctor unwell'])
    expect((await doctor.request('POST', `/api/appointments/${visit.id}/cancel`, { reason: 'again' })).status).toBe(409)
    expect(await eventsFor(visit.id)).toEqual(['appointment.booked', 'appointment.cancelled'])
    expect((await book(soon)).status).toBe('confirmed')
  })

  it('tells subscribers nothing when a patient lets go of a time they held: it never was a booking', async () => {
    const held = await patient.request(
      'POST',
      '/api/appointments/hold',
      { doctor: world.alpha.doctor, start: slotIn(60) },
      { 'Idempotency-Key': crypto.randomUUID() },
    )
    expect([held.status, held.body.doc.status]).toEqual([201, 'held'])
    const released = await patient.request('POST', `/api/appointments/${held.body.doc.id}/cancel`, { reason: 'Another time' })
    expect([released.status, released.body.doc.status]).toEqual([200, 'cancelled'])
    expect(await eventsFor(held.body.doc.id)).toEqual([])
  })

  it('hides other people\'s visits: cancelling one is "no such appointment"', async () => {
    const visit = await book(slotIn(80))
    const stranger = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    expect((await stranger.request('POST', `/api/appointments/${visit.id}/cancel`, { reason: 'mischief' })).status).toBe(404)
    const otherClinic = await signIn(server.url, world.beta.admin.email, PASSWORD)
    expect((await otherClinic.request('POST', `/api/appointments/${visit.id}/cancel`, { reason: 'mischief' })).status).toBe(404)
  })
})

describe('status changes', () => {
  it('confirms a requested visit once, by the doctor, never by the patient', async () => {
    await server.payload.update({
      collection: 'tenants',
      id: world.alpha.id,
      data: { bookingPolicy: { approvalRequired: true, cancellationCutoffHours: 24 } },
      overrideAccess: true,
    })
    const visit = await book(slotIn(90))
    expect(visit.status).toBe('requested')
    expect((await patient.request('POST', `/api/appointments/${visit.id}/confirm`)).status).toBe(403)
    const ok = await doctor.request('POST', `/api/appointments/${visit.id}/confirm`)
    expect([ok.status, ok.body.doc.status]).toEqual([200, 'confirmed'])
    expect((await doctor.request('POST', `/api/appointments/${visit.id}/confirm`)).status).toBe(409)
    expect(await eventsFor(visit.id)).toEqual(['appointment.booked', 'appointment.confirmed'])
  })

  it('marks a visit completed or no-show only once it has started', async () => {
    const future = await book(slotIn(100))
    await doctor.request('POST', `/api/appointments/${future.id}/confirm`)
    const early = await doctor.request('POST', `/api/appointments/${future.id}/complete`)
    expect([early.status, early.body.errors[0].message]).toEqual([409, 'This visit has not started yet.'])

    const past = await server.payload.create({
      collection: 'appointments',
      data: {
        tenant: world.alpha.id,
        patient: world.alpha.patient.id,
        doctor: world.alpha.doctor,
        start: slotIn(-5),
        end: slotIn(-4.5),
        status: 'confirmed',
        visitType: 'video',
      },
      overrideAccess: true,
    })
    expect((await patient.request('POST', `/api/appointments/${past.id}/complete`)).status).toBe(403)
    const done = await doctor.request('POST', `/api/appointments/${past.id}/complete`)
    expect([done.status, done.body.doc.status]).toEqual([200, 'completed'])
    expect((await doctor.request('POST', `/api/appointments/${past.id}/no-show`)).status).toBe(409)
    expect((await admin.request('POST', `/api/appointments/${past.id}/cancel`, { reason: 'late' })).status).toBe(409)
    expect(await eventsFor(past.id as number)).toEqual(['appointment.booked', 'appointment.completed'])
  })
})

describe('availability changes', () => {
  it('never cancel booked visits, and show the doctor which ones fall outside the new hours', async () => {
    const visit = await book(slotIn(120))
    // Half an hour a day, never the visit's half hour (whatever the time the test runs).
    const hour = new Date(visit.start).getUTCHours() === 12 ? '00' : '12'
    const narrower = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day: String(day), start: `${hour}:00`, end: `${hour}:30` }))
    const changed = await doctor.request('PATCH', `/api/doctors/${world.alpha.doctor}`, { weeklyHours: narrower })
    expect(changed.status).toBe(200)
    const still = await server.payload.findByID({ collection: 'appointments', id: visit.id, overrideAccess: true })
    expect(still.status).toBe(visit.status)
    const outside = await doctor.request('GET', `/api/doctors/${world.alpha.doctor}/visits-outside-hours`)
    expect(outside.status).toBe(200)
    expect(outside.body.visits.map((v: any) => v.id)).toContain(visit.id)
    expect(JSON.stringify(outside.body)).not.toContain(world.alpha.patient.email)
    const otherDoctor = await signIn(server.url, world.alpha.otherDoctorUser.email, PASSWORD)
    expect((await otherDoctor.request('GET', `/api/doctors/${world.alpha.doctor}/visits-outside-hours`)).status).toBe(404)
    expect((await patient.request('GET', `/api/doctors/${world.alpha.doctor}/visits-outside-hours`)).status).toBe(404)
  })
})
