/**
 * The booking race: 200 concurrent clients on the real server (REST, real
 * database), the server in its own process as in production. Prints successes,
 * refusals, double bookings found in the database afterwards (must be 0), and
 * bookings per second with distinct slots against the baseline: a bare Payload
 * REST create of the same appointment document (no hooks or checks) on the same
 * server and database, in rounds alternating with the booking rounds.
 */
import { signIn, type Client } from '../cms/test/support/http.ts'
import { PASSWORD } from '../cms/test/support/world.ts'
import { BARE_APPOINTMENTS } from './support/bareAppointments.ts'
import { ratio } from './support/machine.ts'
import { burst, describeRounds, summary, type Round } from './support/rounds.ts'
import { startWorldServer } from './support/startWorldServer.ts'

const CLIENTS = 200
const ROUNDS = 3
const HOUR = 3_600_000
/** The booking endpoint's target: within this multiple of the bare create. */
const TARGET = 1.5
/** Planning a visit's messages may cost bookings at most this much of their throughput. */
const PLANNING_TARGET = 1.1
/** The messages of a booking, turned off by the clinic (Clinics → Notifications) for the rounds without planning. */
const QUIET = ['appointment.booked', 'appointment.confirmed', 'appointment.reminder', 'appointment.starting']

export async function benchBookingRace(label: string) {
  const { setup, stop } = await startWorldServer(CLIENTS)
  try {
    const url = setup.url
    const patients: Client[] = []
    for (const email of setup.patients) patients.push(await signIn(url, email, PASSWORD))
    const admin = await signIn(url, setup.admin, PASSWORD)
    const base = Math.ceil((Date.now() + 24 * HOUR) / HOUR) * HOUR
    const slot = (n: number) => new Date(base + n * 30 * 60_000).toISOString()
    const book = (p: Client, start: string) =>
      p.request('POST', '/api/appointments/book', { doctor: setup.doctor, start }, { 'Idempotency-Key': crypto.randomUUID() })

    // 1. Contended: 200 patients on 4 slots, while the clinic admin pushes 20 visits that overlap them by 15 minutes.
    const contended = await Promise.all([
      ...patients.map((p, i) => book(p, slot(i % 4))),
      ...Array.from({ length: 20 }, (_, i) =>
        admin.request('POST', '/api/appointments', {
          tenant: setup.clinic,
          patient: setup.otherPatient,
          doctor: setup.doctor,
          start: new Date(Date.parse(slot(i % 4)) + 15 * 60_000).toISOString(),
          end: new Date(Date.parse(slot(i % 4)) + 45 * 60_000).toISOString(),
          status: 'confirmed',
        }),
      ),
    ])
    const won = contended.filter((r) => r.status === 201).length
    const refused = contended.filter((r) => r.status === 409 || r.status === 400).length
    const failed = contended.length - won - refused

    // 2. Distinct slots: every patient a slot of their own, all at once; the same documents created bare, all at once.
    // One round of each to warm up (the server's code is compiled under the load it is then measured with, as in a
    // clinic's running server), then measured rounds alternating, so a pause of the machine weighs on both alike.
    const bookings = (first: number) => patients.map((p, i) => () => book(p, slot(first + i)))
    const bareCreates = (first: number) =>
      patients.map((p, i) => () => {
        const start = Date.parse(slot(first + i))
        return p.request('POST', `/api/${BARE_APPOINTMENTS}?depth=0`, {
          tenant: setup.clinic,
          patient: setup.patientIds[i],
          doctor: setup.doctor,
          start: new Date(start).toISOString(),
          end: new Date(start + 30 * 60_000).toISOString(),
          status: 'confirmed',
          reason: '',
          visitType: 'video',
        })
      })
    await burst(bookings(100))
    const warm = await burst(bareCreates(100))
    if (warm.ok !== CLIENTS) throw new Error(`the bare create answered ${warm.ok}/${CLIENTS} with 201`)
    // Planning off: the clinic sends none of a booking's messages, so nothing is planned (their one cached check stays).
    const messages = async (turnedOff: string[]) => {
      const res = await admin.request('PATCH', `/api/tenants/${setup.clinic}`, { notifications: { turnedOff } })
      if (res.status !== 200) throw new Error(`the clinic's messages could not be turned off: ${JSON.stringify(res.body)}`)
    }
    const booked: Round[] = []
    const quiet: Round[] = []
    const bare: Round[] = []
    for (let round = 0; round < ROUNDS; round++) {
      booked.push(await burst(bookings(400 + CLIENTS * round)))
      await messages(QUIET)
      quiet.push(await burst(bookings(400 + CLIENTS * (ROUNDS + round))))
      await messages([])
      bare.push(await burst(bareCreates(400 + CLIENTS * round)))
    }

    // Every blocking visit of the doctor, read back through the API as the clinic's admin.
    const listed = await admin.request(
      'GET',
      `/api/appointments?where[doctor][equals]=${setup.doctor}&where[blocking][equals]=true&limit=0&pagination=false&depth=0`,
    )
    const visits = listed.body.docs as { blockedStart: string; blockedEnd: string }[]
    let doubles = 0
    const sorted = visits.map((v) => [Date.parse(v.blockedStart), Date.parse(v.blockedEnd)] as const).sort((a, b) => a[0] - b[0])
    for (let i = 1; i < sorted.length; i++) if (sorted[i]![0] < sorted[i - 1]![1]) doubles++

    const b = summary(booked)
    const withoutPlanning = summary(quiet)
    const baseline = summary(bare)
    const total = ROUNDS * CLIENTS
    console.log(
      `booking race on ${label}: contended ${contended.length} requests → ${won} booked, ${refused} refused, ${failed} other; double bookings in the database: ${doubles}`,
    )
    console.log(`booking race on ${label}: booking endpoint, distinct slots, ${CLIENTS} at once: ${describeRounds(b, total, 'bookings')}`)
    console.log(`booking race on ${label}: baseline, bare REST create of the same document: ${describeRounds(baseline, total, 'creates')}`)
    console.log(
      `booking race on ${label}: ratio booking/bare: time per booking ${ratio(baseline.perSecond, b.perSecond)}, p50 ${ratio(b.p50, baseline.p50)}, p95 ${ratio(b.p95, baseline.p95)} (target ≤ ${TARGET}x)`,
    )
    console.log(
      `booking race on ${label}: without planning the visit's messages (the clinic sends none): ${describeRounds(withoutPlanning, total, 'bookings')}`,
    )
    console.log(
      `booking race on ${label}: ratio planning on/off: time per booking ${ratio(withoutPlanning.perSecond, b.perSecond)}, p50 ${ratio(b.p50, withoutPlanning.p50)}, p95 ${ratio(b.p95, withoutPlanning.p95)} (target ≤ ${PLANNING_TARGET}x)`,
    )
    return doubles
  } finally {
    await stop()
  }
}
