/**
 * Every path to health data leaves an audit entry with the real actor, their
 * address and their browser: the visit endpoints and the doctor's calendar
 * feed, not only Payload's own collection reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, visitAt, type World } from './support/world.ts'

let server: TestServer
let world: World
let patient: Client
const BROWSER = { 'user-agent': 'AuditCheck/1.0 (a patient phone)' }

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
})
afterAll(() => server?.close())

/** The audit entries written since `since` about `resource`. */
async function entriesSince(since: string, resource: string) {
  const { docs } = await server.payload.find({
    collection: 'audit-log',
    where: { and: [{ resource: { equals: resource } }, { createdAt: { greater_than_equal: since } }] },
    overrideAccess: true,
    depth: 0,
    limit: 100,
  })
  return docs
}

describe('audit of the visit endpoints', () => {
  // Visits at different times (the join window opens 15 minutes before the start).
  it.each([
    ['GET', 'ics', 180],
    ['POST', 'join', 5],
    ['GET', 'messages', 360],
  ])('%s /api/appointments/:id/%s names the actor, their address and browser', async (method, action, inMinutes) => {
    const visit = await visitAt(server.payload, world.alpha, Date.now() + inMinutes * 60_000)
    const since = new Date().toISOString()
    const res = await patient.request(method, `/api/appointments/${visit.id}/${action}`, method === 'POST' ? {} : undefined, BROWSER)
    expect(res.status).toBeLessThan(300)
    const entries = await entriesSince(since, 'appointments')
    expect(entries.length).toBeGreaterThan(0)
    for (const e of entries)
      expect([String(e.actor), e.role, e.ip, e.userAgent]).toEqual([
        String(world.alpha.patient.id),
        'patient',
        '127.0.0.1',
        BROWSER['user-agent'],
      ])
  })
})

describe("audit of a doctor's calendar feed", () => {
  it('writes who the feed belongs to, from where, and which visits it showed', async () => {
    const doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
    const { body } = await doctor.request('POST', `/api/doctors/${world.alpha.doctor}/calendar-feed`, {})
    const since = new Date().toISOString()
    const feed = await client(server.url).request('GET', new URL(body.url).pathname, undefined, { 'user-agent': 'CalendarApp/2' })
    expect(feed.status).toBe(200)
    const [entry, ...more] = await entriesSince(since, 'appointments')
    expect(more).toHaveLength(0)
    expect([String(entry!.actor), entry!.role, entry!.ip, entry!.userAgent, entry!.note]).toEqual([
      String(world.alpha.doctorUser.id),
      'doctor',
      '127.0.0.1',
      'CalendarApp/2',
      'calendar feed',
    ])
  })
})
