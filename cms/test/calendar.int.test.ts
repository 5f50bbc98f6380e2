/** Calendar files, read back by an independent parser (ical.js) as a calendar app would. */
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { openAllWeek, PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let patient: Client
let doctor: Client
const HOUR = 3_600_000
const slotIn = (hours: number) => new Date(Math.ceil((Date.now() + hours * HOUR) / (30 * 60_000)) * 30 * 60_000).toISOString()

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  await openAllWeek(server.payload, world.alpha.doctor)
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
})
afterAll(() => server?.close())

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const e = new ICAL.Event(vevent)
    return {
      uid: e.uid,
      sequence: e.sequence,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      summary: e.summary,
      description: e.description,
      status: vevent.getFirstPropertyValue('status'),
    }
  })
  return { method: calendar.getFirstPropertyValue('method'), events }
}

describe('visit .ics', () => {
  it('describes the visit with a stable UID, a growing SEQUENCE, a link and no clinical text', async () => {
    const start = slotIn(50)
    const booked = await patient.request(
      'POST',
      '/api/appointments/book',
      { doctor: world.alpha.doctor, start, reason: 'Embarrassing rash' },
      { 'Idempotency-Key': crypto.randomUUID() },
    )
    const id = booked.body.doc.id
    const res = await fetch(`${server.url}/api/appointments/${id}/ics`, { headers: { Authorization: `JWT ${patient.token}` } })
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/)
    const text = await res.text()
    const first = parse(text)
    expect(first.method).toBe('PUBLISH')
    expect(first.events).toHaveLength(1)
    const [event] = first.events
    expect(event).toMatchObject({
      uid: expect.stringMatching(new RegExp(`^appointment-${id}@`)),
      sequence: 0,
      start,
      summary: 'Visit with Clinic alpha',
      status: 'CONFIRMED',
    })
    expect(event!.description).toMatch(new RegExp(`/visits/${id}$`))
    expect(text).not.toMatch(/rash/i)

    await patient.request('POST', `/api/appointments/${id}/reschedule`, { start: slotIn(52) })
    const moved = parse(
      await (await fetch(`${server.url}/api/appointments/${id}/ics`, { headers: { Authorization: `JWT ${patient.token}` } })).text(),
    )
    expect(moved.events[0]!.uid).toBe(event!.uid)
    expect(moved.events[0]!.sequence).toBeGreaterThan(event!.sequence)
    expect(moved.events[0]!.start).toBe(slotIn(52))

    await patient.request('POST', `/api/appointments/${id}/cancel`, { reason: 'Travelling' })
    const cancelled = parse(
      await (await fetch(`${server.url}/api/appointments/${id}/ics`, { headers: { Authorization: `JWT ${patient.token}` } })).text(),
    )
    expect([cancelled.method, cancelled.events[0]!.status, cancelled.events[0]!.uid]).toEqual(['CANCEL', 'CANCELLED', event!.uid])
    expect(cancelled.events[0]!.sequence).toBeGreaterThan(moved.events[0]!.sequence)

    const stranger = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    expect((await stranger.request('GET', `/api/appointments/${id}/ics`)).status).toBe(404)
    expect((await client(server.url).request('GET', `/api/appointments/${id}/ics`)).status).toBe(401)
  })
})

describe('doctor feed', () => {
  it('gives the doctor a private, revocable feed with patient initials only', async () => {
    await patient.request(
      'POST',
      '/api/appointments/book',
      { doctor: world.alpha.doctor, start: slotIn(60) },
      { 'Idempotency-Key': crypto.randomUUID() },
    )
    const made = await doctor.request('POST', `/api/doctors/${world.alpha.doctor}/calendar-feed`)
    expect(made.status).toBe(201)
    const path = new URL(made.body.url).pathname
    const feed = await fetch(`${server.url}${path}`)
    const text = await feed.text()
    const { events } = parse(text)
    expect(events.length).toBeGreaterThanOrEqual(2)
    expect(events.map((e) => e.summary)).toContain('Visit: P.')
    expect(text).not.toContain(world.alpha.patient.email)
    expect(text).not.toContain('patient@')

    // The hash never leaves the server.
    const profile = await doctor.request('GET', `/api/doctors/${world.alpha.doctor}`)
    expect(profile.body).not.toHaveProperty('calendarFeedHash')
    // Others cannot make one for this doctor.
    expect((await patient.request('POST', `/api/doctors/${world.alpha.doctor}/calendar-feed`)).status).toBe(404)
    const otherDoctor = await signIn(server.url, world.alpha.otherDoctorUser.email, PASSWORD)
    expect((await otherDoctor.request('POST', `/api/doctors/${world.alpha.doctor}/calendar-feed`)).status).toBe(404)

    expect((await doctor.request('DELETE', `/api/doctors/${world.alpha.doctor}/calendar-feed`)).status).toBe(200)
    expect((await fetch(`${server.url}${path}`)).status).toBe(404)
    expect((await fetch(`${server.url}/api/calendar/guess.ics`)).status).toBe(404)
  })
})
