/**
 * A benchmark's server, in its own process so the load generator never shares its
 * CPU: the test world (two clinics) on a fresh database, one doctor open around the
 * clock, and `PATIENTS` patients of that clinic, with the booking benchmark's
 * baseline collection (support/bareAppointments.ts). With WORLD_MIGRATED=1 the
 * schema comes from the committed migrations instead, for production processes
 * to serve afterwards (no bench-only collection then). It plans messages but
 * sends none (no jobs runner). Prints one JSON line with
 * what the load generator needs, then serves until killed.
 */
import { startWorld } from '../../cms/test/support/testServer.ts'
import { createUser, openAllWeek } from '../../cms/test/support/world.ts'
import { bareAppointments } from './bareAppointments.ts'

// Set before the platform parses its environment (config/src/env.ts); PATIENTS is the benchmark's own knob.
process.env.LOG_LEVEL = 'silent'
const patients = Number(process.env.PATIENTS ?? 200)
const migrated = process.env.WORLD_MIGRATED === '1'
// Messages are sent by a worker here, as a deployment that scales out runs them (docs/deploy.md): a booking
// plans its messages (counted in its figures), and sending them does not share the server's CPU.
const { server, world } = await startWorld({ JOBS_IN_SERVER: 'false' }, migrated ? { migrate: true } : { plugins: [bareAppointments] })
await openAllWeek(server.payload, world.alpha.doctor, { bookingHorizonDays: 60, visitMinutes: 30, bufferAfterMinutes: 0 })
// Each patient books in every round: lift the clinic's limit of upcoming visits per patient.
await server.payload.update({
  collection: 'tenants',
  id: world.alpha.id,
  data: { bookingPolicy: { maxUpcomingVisits: 100 } },
  overrideAccess: true,
})
const created: { id: number | string; email: string }[] = []
for (let i = 0; i < patients; i++) created.push(await createUser(server.payload, `bench-${i}@alpha.test`, 'patient', [world.alpha.id]))
console.log(
  JSON.stringify({
    url: server.url,
    clinic: world.alpha.id,
    doctor: world.alpha.doctor,
    otherPatient: world.alpha.otherPatient.id,
    admin: world.alpha.admin.email,
    patients: created.map((p) => p.email),
    patientIds: created.map((p) => p.id),
    // The world's own database: the processes benchmark serves it from real server processes.
    database: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR,
  }),
)
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
