/**
 * The booking race: 200 concurrent clients on the real server (REST, real
 * database), the server in its own process as in production. Prints successes,
 * refusals, double bookings found in the database afterwards (must be 0) and
 * bookings per second with distinct slots.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { signIn, type Client } from '../cms/test/support/http.ts'
import { PASSWORD } from '../cms/test/support/world.ts'

const CLIENTS = 200
const HOUR = 3_600_000

type Setup = { url: string; clinic: number; doctor: number; otherPatient: number; admin: string; patients: string[] }

/** Starts bench/support/worldServer.ts and waits for its description of the world. */
async function startRaceServer() {
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'bench/support/worldServer.ts'], {
    env: { ...process.env, PATIENTS: String(CLIENTS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith('{')) return { child, setup: JSON.parse(line) as Setup }
  }
  throw new Error('the race server exited before it was ready')
}

export async function benchBookingRace(label: string) {
  const { child, setup } = await startRaceServer()
  const server = { url: setup.url }
  const world = { alpha: { id: setup.clinic, doctor: setup.doctor, otherPatient: { id: setup.otherPatient } } }
  const patients: Client[] = []
  for (const email of setup.patients) patients.push(await signIn(server.url, email, PASSWORD))
  const admin = await signIn(server.url, setup.admin, PASSWORD)
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

  // 2. Distinct slots: every patient a slot of their own, all at once. One round to warm up (the server's
  // code is compiled under the load it is then measured with, as in a clinic's running server), then three
  // measured rounds: one round lasts under a second, where a single pause of the machine moves the figure.
  await Promise.all(patients.map((p, i) => book(p, slot(100 + i))))
  const rounds: { won: number; seconds: number }[] = []
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now()
    const distinct = await Promise.all(patients.map((p, i) => book(p, slot(400 + 200 * round + i))))
    rounds.push({ won: distinct.filter((r) => r.status === 201).length, seconds: (performance.now() - t0) / 1000 })
  }
  const distinctWon = rounds.reduce((sum, r) => sum + r.won, 0)
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0)

  // Every blocking visit of the doctor, read back through the API as the clinic's admin.
  const listed = await admin.request(
    'GET',
    `/api/appointments?where[doctor][equals]=${world.alpha.doctor}&where[blocking][equals]=true&limit=0&pagination=false&depth=0`,
  )
  const visits = listed.body.docs as { blockedStart: string; blockedEnd: string }[]
  let doubles = 0
  const sorted = visits
    .map((v) => [Date.parse(v.blockedStart as string), Date.parse(v.blockedEnd as string)] as const)
    .sort((a, b) => a[0] - b[0])
  for (let i = 1; i < sorted.length; i++) if (sorted[i]![0] < sorted[i - 1]![1]) doubles++

  console.log(
    `booking race on ${label}: contended ${contended.length} requests → ${won} booked, ${refused} refused, ${failed} other; double bookings in the database: ${doubles}`,
  )
  console.log(
    `booking race on ${label}: ${distinctWon}/${3 * CLIENTS} distinct slots booked in 3 rounds of ${CLIENTS} at once, ${seconds.toFixed(2)} s = ${(distinctWon / seconds).toFixed(0)} bookings/s (rounds: ${rounds.map((r) => (r.won / r.seconds).toFixed(0)).join(', ')}; target ≥ 200/s on SQLite)`,
  )
  child.kill('SIGTERM')
  return doubles
}
