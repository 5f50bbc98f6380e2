/**
 * Scale-out on PostgreSQL: the booking race's distinct-slot rounds and a round
 * of slot reads, against one and then two real server processes (`npm run
 * serve`'s command, APP_ENV=production) on one database, clients spread over the
 * processes in turn. Baseline: the one-process figures of the same run; the
 * ratio is what the second process adds on this machine (at most its cores allow).
 * Skipped, with a line saying so, when no PostgreSQL is reachable.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { signIn, type Client } from '../cms/test/support/http.ts'
import { freePort, startServeProcess } from '../cms/test/support/processes.ts'
import { PASSWORD } from '../cms/test/support/world.ts'
import { ratio } from './support/machine.ts'
import { burst, describeRounds, summary, type Round } from './support/rounds.ts'
import { startWorldServer, type WorldSetup } from './support/startWorldServer.ts'

const CLIENTS = 100
const ROUNDS = 2
const HOUR = 3_600_000
/** The secret the benchmark world was made with (cms/test/support/testServer.ts): its accounts' sessions stay valid. */
const PAYLOAD_SECRET = 'test-secret-test-secret-test-secret-0123'

/** The PostgreSQL server to use, or why there is none. */
async function postgresServer(): Promise<{ url: string } | { skip: string }> {
  const url = [process.env.DATABASE_URL, process.env.BENCH_DATABASE_URL].find((u) => u?.startsWith('postgres'))
  if (!url) return { skip: 'no PostgreSQL: set DATABASE_URL or BENCH_DATABASE_URL to a postgres:// URL' }
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.end()
    return { url }
  } catch (error) {
    return { skip: `PostgreSQL at ${new URL(url).host} is not reachable (${(error as Error).message})` }
  }
}

/** `count` server processes on the world's database, as a deployment runs them. */
async function startProcesses(setup: WorldSetup, count: number) {
  const key = readFileSync(join(setup.dataDir, '.data-encryption-key'), 'utf8').trim()
  const servers: { child: ChildProcess; url: string }[] = []
  for (let i = 0; i < count; i++) {
    const port = await freePort()
    servers.push(
      await startServeProcess({
        APP_ENV: 'production',
        DATABASE_URL: setup.database,
        DATA_DIR: setup.dataDir,
        PAYLOAD_SECRET,
        DATA_ENCRYPTION_KEY: key,
        PUBLIC_URL: `http://localhost:${port}`,
        PORT: String(port),
        LOG_LEVEL: 'silent',
        AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      }),
    )
    // Never left serving when this benchmark ends early.
    const child = servers[i]!.child
    process.once('exit', () => child.kill('SIGKILL'))
  }
  return servers
}

async function stopProcesses(servers: { child: ChildProcess }[]) {
  await Promise.all(
    servers.map(({ child }) =>
      child.exitCode !== null || child.signalCode !== null
        ? undefined
        : new Promise<void>((resolve) => {
            child.once('exit', () => resolve())
            child.kill('SIGTERM')
          }),
    ),
  )
}

export async function benchProcesses(): Promise<boolean> {
  const server = await postgresServer()
  if ('skip' in server) {
    console.log(`processes: skipped: ${server.skip}`)
    return true
  }
  // The world (clinic, doctor open around the clock, patients) on a fresh database of that server, then its server stopped.
  const world = await startWorldServer(CLIENTS, {
    DATABASE_URL: server.url,
    TEST_DATABASE_URL: server.url,
    WORLD_MIGRATED: '1',
  })
  const setup = world.setup
  await world.stop()

  const base = Math.ceil((Date.now() + 24 * HOUR) / HOUR) * HOUR
  const slot = (n: number) => new Date(base + n * 30 * 60_000).toISOString()
  const from = new Date(base).toISOString()
  const to = new Date(base + 24 * HOUR).toISOString()
  const figures: { bookings: ReturnType<typeof summary>; reads: ReturnType<typeof summary> }[] = []
  let first = 0
  for (const count of [1, 2]) {
    const servers = await startProcesses(setup, count)
    try {
      // Each patient signs in on, and then always uses, the process their number falls to.
      const patients: Client[] = []
      for (const [i, email] of setup.patients.entries()) patients.push(await signIn(servers[i % count]!.url, email, PASSWORD))
      const bookings = (start: number) =>
        patients.map(
          (p, i) => () =>
            p.request(
              'POST',
              '/api/appointments/book',
              { doctor: setup.doctor, start: slot(start + i) },
              { 'Idempotency-Key': crypto.randomUUID() },
            ),
        )
      const reads = () => patients.map((p, i) => () => p.request('GET', `/api/doctors/${setup.doctor}/slots?from=${from}&to=${to}`))
      // One round of each to warm up every process, then the measured rounds.
      await burst(bookings(first))
      await burst(reads(), 200)
      first += CLIENTS
      const booked: Round[] = []
      const read: Round[] = []
      for (let round = 0; round < ROUNDS; round++) {
        booked.push(await burst(bookings(first)))
        first += CLIENTS
        read.push(await burst(reads(), 200))
      }
      figures.push({ bookings: summary(booked), reads: summary(read) })
      const f = figures[figures.length - 1]!
      const label = `processes on PostgreSQL: ${count} server process${count > 1 ? 'es' : ''}`
      console.log(`${label}: bookings, distinct slots, ${CLIENTS} at once: ${describeRounds(f.bookings, ROUNDS * CLIENTS, 'bookings')}`)
      console.log(`${label}: slot reads (one day), ${CLIENTS} at once: ${describeRounds(f.reads, ROUNDS * CLIENTS, 'reads')}`)
    } finally {
      await stopProcesses(servers)
    }
  }
  const [one, two] = figures as [(typeof figures)[0], (typeof figures)[0]]
  console.log(
    `processes on PostgreSQL: baseline 1 process; 2 processes: bookings/s ${ratio(two.bookings.perSecond, one.bookings.perSecond)}, p95 ${ratio(two.bookings.p95, one.bookings.p95)}; slot reads/s ${ratio(two.reads.perSecond, one.reads.perSecond)}, p95 ${ratio(two.reads.p95, one.reads.p95)}`,
  )
  return one.bookings.ok === ROUNDS * CLIENTS && two.bookings.ok === ROUNDS * CLIENTS
}
