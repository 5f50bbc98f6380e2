/**
 * A booking whose messages were never planned (the process was killed between
 * the booking's commit and its planning) gets them from the sweeper, once; a
 * visit that has messages, one too fresh, or one cancelled, is left alone.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sweepUnplannedVisits } from '../src/notifications/sweep.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { visitAt, type World } from './support/world.ts'

const HOUR = 3_600_000
let server: TestServer
let world: World
let payload: Payload

beforeAll(async () => {
  ;({ server, world } = await startWorld({ JOBS_IN_SERVER: 'false' }))
  payload = server.payload
})
afterAll(() => server?.close())

const messagesOf = async (appointment: unknown) =>
  (
    await payload.find({
      collection: 'notifications',
      where: { appointment: { equals: appointment } },
      limit: 0,
      pagination: false,
      depth: 0,
    })
  ).docs

/**
 * A visit booked `minutesAgo` whose messages were never planned, as when the
 * process died between the booking's commit and its planning: written straight
 * to the database, so no event and no planning follow.
 */
async function unplannedVisit(minutesAgo: number, hoursAhead: number, status: 'confirmed' | 'cancelled' = 'confirmed') {
  const start = Math.ceil((Date.now() + hoursAhead * HOUR) / HOUR) * HOUR
  const at = new Date(Date.now() - minutesAgo * 60_000).toISOString()
  return payload.db.create({
    collection: 'appointments',
    data: {
      tenant: world.alpha.id,
      patient: world.alpha.patient.id,
      doctor: world.alpha.doctor,
      start: new Date(start).toISOString(),
      end: new Date(start + 30 * 60_000).toISOString(),
      status,
      visitType: 'video',
      createdAt: at,
      updatedAt: at,
    },
  })
}

it('plans a lost booking’s messages once, and leaves the others alone', async () => {
  const lost = await unplannedVisit(10, 50)
  const fresh = await unplannedVisit(0, 60)
  const cancelled = await unplannedVisit(10, 70, 'cancelled')
  const planned = await visitAt(payload, world.alpha, Math.ceil((Date.now() + 80 * HOUR) / HOUR) * HOUR)
  await expect.poll(async () => (await messagesOf(planned.id)).length, { timeout: 5_000 }).toBeGreaterThan(0)
  // A message of that visit an admin cancelled by hand stays cancelled.
  const [first] = await messagesOf(planned.id)
  await payload.update({ collection: 'notifications', id: first!.id, data: { status: 'cancelled' } })
  const before = (await messagesOf(planned.id)).map((m) => `${m.id} ${m.status}`).sort()

  expect(await sweepUnplannedVisits(payload)).toBe(1)
  const swept = (await messagesOf(lost.id)).map((m) => `${m.kind} ${m.channel}`).sort()
  expect(swept).toEqual([
    'appointment.booked email',
    'appointment.booked in-app',
    'reminder-1h email',
    'reminder-1h in-app',
    'reminder-24h email',
    'reminder-24h in-app',
    'starting email',
    'starting in-app',
  ])
  expect(await messagesOf(fresh.id)).toHaveLength(0)
  expect(await messagesOf(cancelled.id)).toHaveLength(0)
  expect((await messagesOf(planned.id)).map((m) => `${m.id} ${m.status}`).sort()).toEqual(before)
  // Once planned, never again.
  expect(await sweepUnplannedVisits(payload)).toBe(0)
  expect(await messagesOf(lost.id)).toHaveLength(8)
})
