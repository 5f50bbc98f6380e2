/**
 * The booking race: 200 concurrent clients on the real server (REST, real
 * database). Prints successes, refusals, double bookings found in the database
 * afterwards (must be 0) and bookings per second with distinct slots.
 */
import { signIn, type Client } from '../cms/test/support/http.ts'
import { startWorld } from '../cms/test/support/testServer.ts'
import { createUser, openAllWeek, PASSWORD } from '../cms/test/support/world.ts'

const CLIENTS = 200
const HOUR = 3_600_000

export async function benchBookingRace(label: string) {
  const { server, world } = await startWorld()
  await openAllWeek(server.payload, world.alpha.doctor, { bookingHorizonDays: 60, visitMinutes: 30, bufferAfterMinutes: 0 })
  const patients: Client[] = []
  for (let i = 0; i < CLIENTS; i++) {
    const p = await createUser(server.payload, `bench-${i}@alpha.test`, 'patient', [world.alpha.id])
    patients.push(await signIn(server.url, p.email, PASSWORD))
  }
  const admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
  const base = Math.ceil((Date.now() + 24 * HOUR) / HOUR) * HOUR
  const slot = (n: number) => new Date(base + n * 30 * 60_000).toISOString()
  const book = (p: Client, start: string) =>
    p.request('POST', '/api/appointments/book', { doctor: world.alpha.doctor, start }, { 'Idempotency-Key': crypto.randomUUID() })

  // 1. Contended: 200 patients on 4 slots, while the clinic admin pushes 20 visits that overlap them by 15 minutes.
  const contended = await Promise.all([
    ...patients.map((p, i) => book(p, slot(i % 4))),
    ...Array.from({ length: 20 }, (_, i) =>
      admin.request('POST', '/api/appointments', {
        tenant: world.alpha.id,
        patient: world.alpha.otherPatient.id,
        doctor: world.alpha.doctor,
        start: new Date(Date.parse(slot(i % 4)) + 15 * 60_000).toISOString(),
        end: new Date(Date.parse(slot(i % 4)) + 45 * 60_000).toISOString(),
        status: 'confirmed',
      }),
    ),
  ])
  const won = contended.filter((r) => r.status === 201).length
  const refused = contended.filter((r) => r.status === 409 || r.status === 400).length
  const failed = contended.length - won - refused

  // 2. Distinct slots: every patient a slot of their own, all at once.
  const t0 = performance.now()
  const distinct = await Promise.all(patients.map((p, i) => book(p, slot(100 + i))))
  const seconds = (performance.now() - t0) / 1000
  const distinctWon = distinct.filter((r) => r.status === 201).length

  const visits = (
    await server.payload.find({
      collection: 'appointments',
      where: { and: [{ doctor: { equals: world.alpha.doctor } }, { blocking: { equals: true } }] },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
  ).docs
  let doubles = 0
  const sorted = visits
    .map((v) => [Date.parse(v.blockedStart as string), Date.parse(v.blockedEnd as string)] as const)
    .sort((a, b) => a[0] - b[0])
  for (let i = 1; i < sorted.length; i++) if (sorted[i]![0] < sorted[i - 1]![1]) doubles++

  console.log(
    `booking race on ${label}: contended ${contended.length} requests → ${won} booked, ${refused} refused, ${failed} other; double bookings in the database: ${doubles}`,
  )
  console.log(
    `booking race on ${label}: ${distinctWon}/${CLIENTS} distinct slots booked in ${seconds.toFixed(2)} s = ${(distinctWon / seconds).toFixed(0)} bookings/s (target ≥ 200/s on SQLite)`,
  )
  await server.close()
  return doubles
}
