/**
 * Bursts of writes: a hundred registrations at once (through REST, as the clinic
 * site sends them) and a hundred bookings at once all go through, none waits for
 * the database until it gives up, and the counts are exact.
 *
 * Each registration hashes its password (PBKDF2, 600,000 rounds, ~0.1 s of CPU)
 * inside Payload's create operation, after its transaction began: on SQLite that
 * must never happen while the one writer is held, or the hundredth waits for
 * ninety-nine hashes in a row (see cms/src/database/sqliteWriteQueue.ts). The test shows
 * it without a clock: every hash of the burst waits until all hundred are under
 * way at once, which cannot happen while any of them holds the writer.
 */
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import { sessionFor } from './support/sessions.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createUser, openAllWeek, PASSWORD, type World } from './support/world.ts'
import { writeQueueOf } from '../src/database/index.ts'
import { commitTransaction, createLocalReq, initTransaction } from 'payload'

const BURST = 100
const HALF_HOUR = 30 * 60_000
const DAY = 24 * 60 * 60_000

let server: TestServer
let world: World

/**
 * One registration as the clinic site sends it: through the dedicated endpoint
 * (`POST /api/users/register`) where the platform has one, else as an anonymous
 * `POST /api/users`. The test asserts only a 2xx answer and the account afterwards.
 */
const register = (email: string, password: string, clinic: number | string) => {
  const dedicated = server.payload.collections.users!.config.endpoints || []
  return dedicated.some((e) => e.path === '/register' && e.method === 'post')
    ? client(server.url).request('POST', '/api/users/register', { clinic, name: email.split('@')[0], email, password, consent: true })
    : client(server.url).request('POST', '/api/users', {
        name: email.split('@')[0],
        email,
        password,
        tenants: [{ tenant: clinic }],
        consents: [{ tenant: clinic }],
      })
}

const usersLike = async (prefix: string) =>
  (await server.payload.count({ collection: 'users', where: { email: { like: prefix } }, overrideAccess: true })).totalDocs

/** What a burst answered, summed up: every status with how often it came, and the first error of each. */
function tally(results: { status: number; body: any }[]) {
  const statuses: Record<number, number> = {}
  const errors: Record<number, unknown> = {}
  for (const r of results) {
    statuses[r.status] = (statuses[r.status] ?? 0) + 1
    if (r.status >= 300) errors[r.status] ??= r.body?.errors?.[0]?.message ?? r.body
  }
  return { statuses, errors }
}

/**
 * Whether this run is on SQLite, the one database with a single writer (PostgreSQL: a pool of connections).
 * Tests read process.env: they set the environment the platform then parses (config/src/env.ts).
 */
const onSqlite = () => !(process.env.DATABASE_URL ?? '').startsWith('postgres')

/**
 * PBKDF2 in this process (the server runs in it) for the length of a burst:
 * each hash waits until `together` hashes are under way at once, or until a
 * request of the burst has finished (one that failed must not keep the others
 * waiting); then all run. Each runs 1,000 rounds instead of Payload's 600,000,
 * unless REAL_HASHING=1: what is tested is that the hashes can all be under way
 * at once, not how long a hundred of them take on this machine (12 s of CPU).
 */
function parkedHashing(together: number) {
  const pbkdf2 = crypto.pbkdf2
  const rounds = (real: number) => (process.env.REAL_HASHING === '1' ? real : Math.min(real, 1_000))
  let parked: (() => void)[] | null = []
  let mostAtOnce = 0
  const open = () => {
    const waiting = parked ?? []
    parked = null
    for (const go of waiting) go()
  }
  const spy = vi.spyOn(crypto, 'pbkdf2').mockImplementation(((...args: Parameters<typeof crypto.pbkdf2>) => {
    const [password, salt, iterations, keylen, digest, callback] = args
    const go = () => pbkdf2(password, salt, rounds(iterations), keylen, digest, callback)
    if (!parked) return go()
    parked.push(go)
    mostAtOnce = Math.max(mostAtOnce, parked.length)
    if (parked.length >= together) open()
  }) as never)
  return {
    /** Lets every parked hash run, and the ones to come at once. */
    open,
    mostAtOnce: () => mostAtOnce,
    restore: () => (open(), spy.mockRestore()),
  }
}

beforeAll(async () => {
  ;({ server, world } = await startWorld())
})
afterAll(() => server?.close())

describe(`a burst of ${BURST} writes at once`, () => {
  it('registers every one of 100 anonymous patients who sign up at the same moment (REST), hashing all their passwords at once', async () => {
    // PostgreSQL: a registration hashes on a pooled connection (pool waits are fine), so not all hundred at once.
    const hashing = parkedHashing(onSqlite() ? BURST : 1)
    let results: { status: number; body: any }[]
    try {
      results = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          register(`rest-burst-${i}@alpha.test`, `Quiet harbour lantern ${i}`, world.alpha.id).finally(hashing.open),
        ),
      )
    } finally {
      hashing.restore()
    }
    const { statuses, errors } = tally(results)
    expect(errors).toEqual({})
    expect(Object.values(statuses)).toEqual([BURST]) // one success status (201, or 202 when the email is confirmed first)
    if (onSqlite()) expect(hashing.mostAtOnce()).toBe(BURST)
    expect(await usersLike('rest-burst-')).toBe(BURST)
    // Each account got its password hash.
    const { docs } = await server.payload.db.find<{ hash?: string; salt?: string }>({
      collection: 'users',
      where: { email: { like: 'rest-burst-' } },
      limit: 0,
      pagination: false,
    })
    expect(docs.filter((d) => typeof d.hash === 'string' && d.hash.length > 0 && typeof d.salt === 'string')).toHaveLength(BURST)
  })

  it('books every one of 100 different slots requested at the same moment', async () => {
    await openAllWeek(server.payload, world.beta.doctor, { bookingHorizonDays: 30 })
    // 25 patients, created at once through the Local API and signed in at once (a session written for each),
    // book four visits each (within a clinic's limit of upcoming visits). Their passwords are never checked:
    // hashed with few rounds (see parkedHashing), they cost this test no CPU worth counting.
    const hashing = parkedHashing(1)
    const created = await Promise.all(
      Array.from({ length: 25 }, (_, i) => createUser(server.payload, `booker-${i}@beta.test`, 'patient', [world.beta.id])),
    ).finally(hashing.restore)
    const patients: Client[] = await Promise.all(created.map((p) => sessionFor(server.payload, server.url, p.id)))
    const firstDay = new Date(Date.now() + 10 * DAY)
    firstDay.setUTCHours(0, 0, 0, 0)
    const starts = Array.from({ length: BURST }, (_, i) => new Date(firstDay.getTime() + i * HALF_HOUR).toISOString())
    // While they book, the clinic's admin keeps reading its visits: every read of health data writes an audit
    // entry outside any transaction, which must wait its turn for the writer, not fail or stall the server.
    const admin = await signIn(server.url, world.beta.admin.email, PASSWORD)
    const reads = Promise.all(Array.from({ length: 25 }, () => admin.request('GET', '/api/appointments?limit=5&depth=0')))
    const results = await Promise.all(
      starts.map((start, i) =>
        patients[i % patients.length]!.request(
          'POST',
          '/api/appointments/book',
          { doctor: world.beta.doctor, start, reason: 'Burst' },
          { 'Idempotency-Key': `burst-${i}` },
        ),
      ),
    )
    expect(tally(results)).toEqual({ statuses: { 201: BURST }, errors: {} })
    expect(tally(await reads)).toEqual({ statuses: { 200: 25 }, errors: {} })
    const booked = await server.payload.find({
      collection: 'appointments',
      where: { and: [{ doctor: { equals: world.beta.doctor } }, { reason: { equals: 'Burst' } }] },
      overrideAccess: true,
      depth: 0,
      limit: 0,
      pagination: false,
    })
    expect(booked.docs.map((d) => d.start).sort()).toEqual(starts)
  })

  it.runIf(onSqlite())(
    'answers 503 with Retry-After, not 500, when a write waited too long for the writer, and books nothing',
    async () => {
      const queue = writeQueueOf(server.payload)!
      const patient = await sessionFor(server.payload, server.url, world.alpha.patient.id)
      await openAllWeek(server.payload, world.alpha.doctor, { bookingHorizonDays: 30 })
      const start = new Date(Math.ceil((Date.now() + 12 * DAY) / HALF_HOUR) * HALF_HOUR).toISOString()
      // Another transaction holds the writer until the answer is in; meanwhile a write gives up at once.
      const holder = await createLocalReq({}, server.payload)
      await initTransaction(holder)
      await server.payload.db.create({
        collection: 'audit-log',
        data: { role: 'anonymous', action: 'read', resource: 'users', documentIds: [] },
        req: holder,
      })
      const limit = queue.maxWaitMs
      queue.maxWaitMs = 1
      try {
        const res = await patient.request(
          'POST',
          '/api/appointments/book',
          { doctor: world.alpha.doctor, start },
          { 'Idempotency-Key': 'busy' },
        )
        expect([res.status, res.headers.get('retry-after') !== null]).toEqual([503, true])
        expect(res.body.errors[0].message).toMatch(/busy/)
      } finally {
        queue.maxWaitMs = limit
        await commitTransaction(holder)
      }
      // This doctor's: the burst above books the other clinic's doctor, at the same instant when the test runs just after midnight UTC.
      const booked = await server.payload.count({
        collection: 'appointments',
        where: { and: [{ start: { equals: start } }, { doctor: { equals: world.alpha.doctor } }] },
        overrideAccess: true,
      })
      expect(booked.totalDocs).toBe(0)
    },
  )
})
