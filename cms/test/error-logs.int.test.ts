/**
 * The error log is for what needs a person: a client's mistake (any 4xx) is
 * logged at info, a failure of ours (5xx) at error with its request id. A
 * database failure is never dressed up as a client's mistake (the idempotency
 * store answers 409 only for a key clash), and a 503 says when to come back.
 */
import { APIError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR, INFO, withCapturedLogs } from './support/capturedLogs.ts'
import { signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let logs: Awaited<ReturnType<typeof withCapturedLogs>>
let patient: Client
let platformAdmin: Client
const DAY = 86_400_000
let hour = 8
/** A free half-hour tomorrow (UTC) for each booking in this file. */
const nextFreeStart = () => {
  const d = new Date(Date.now() + DAY)
  d.setUTCHours(hour++, 0, 0, 0)
  return d.toISOString()
}

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  await server.payload.update({
    collection: 'doctors',
    id: world.alpha.doctor,
    data: {
      weeklyHours: (['0', '1', '2', '3', '4', '5', '6'] as const).map((day) => ({ day, start: '00:00', end: '23:59' })),
      visitMinutes: 30,
      minimumNoticeMinutes: 0,
      bookingHorizonDays: 30,
    },
    overrideAccess: true,
  })
  logs = await withCapturedLogs(server)
  patient = await signIn(logs.url, world.alpha.patient.email, PASSWORD)
  platformAdmin = await signIn(logs.url, world.platformAdmin.email, PASSWORD)
})
afterAll(async () => {
  await logs?.close()
  await server?.close()
})

const errorLines = () => logs.lines().filter((l) => l.level >= ERROR)
const appointments = () => server.payload.count({ collection: 'appointments', overrideAccess: true }).then((r) => r.totalDocs)

/** Replaces one adapter method while `run` runs. */
async function whileDatabase<K extends 'create' | 'count'>(
  method: K,
  replacement: (original: any, args: any) => unknown,
  run: () => Promise<void>,
) {
  const db = server.payload.db as any
  const original = db[method].bind(db)
  db[method] = (args: any) => replacement(original, args)
  try {
    await run()
  } finally {
    db[method] = original
  }
}

const book = (key: string) =>
  patient.request(
    'POST',
    '/api/appointments/book',
    { doctor: world.alpha.doctor, start: nextFreeStart(), visitType: 'video' },
    { 'Idempotency-Key': key },
  )

describe('error logs', () => {
  it("log a client's mistakes at info, never at error", async () => {
    logs.clear()
    const send = (method: string, path: string, body?: string) =>
      fetch(`${logs.url}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${platformAdmin.token}` },
        body,
      })
    const statuses = [
      (await send('POST', '/api/users/unlock', '{}')).status,
      (await send('PATCH', `/api/tenants/${world.alpha.id}`, '"x"')).status,
      (await send('GET', '/api/tenants/abc')).status,
      (await send('GET', '/api/appointments?where[start][greater_than]=abc')).status,
      (await send('GET', '/api/appointments/%E0%A4%A')).status,
      (await patient.request('GET', `/api/appointments/${world.beta.appointment}`)).status,
    ]
    expect(statuses.filter((s) => s < 400 || s >= 500)).toEqual([])
    expect(errorLines()).toEqual([])
    // Payload's own refusal is still there, at info, with its reason.
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: INFO, msg: 'Missing email.' }))
  })

  it('log a failure of ours at error, with the request it failed', async () => {
    logs.clear()
    await whileDatabase(
      'count',
      () => Promise.reject(new Error('the disk is on fire')),
      async () => {
        const res = await platformAdmin.request('GET', '/api/tenants/count')
        expect(res.status).toBe(500)
        // The answer names nothing internal.
        expect(JSON.stringify(res.body)).not.toContain('disk')
      },
    )
    const errors = errorLines()
    expect(errors).toContainEqual(expect.objectContaining({ err: expect.objectContaining({ message: 'the disk is on fire' }) }))
    expect(errors).toContainEqual(expect.objectContaining({ req: expect.objectContaining({ path: '/api/tenants/count' }) }))
  })

  it('answer a database failure while keeping a booking answer with 500, logged, and book nothing', async () => {
    const before = await appointments()
    logs.clear()
    await whileDatabase(
      'create',
      (original, args) =>
        args.collection === 'idempotency-records' ? Promise.reject(new Error('connection reset by peer')) : original(args),
      async () => {
        const res = await book(crypto.randomUUID())
        expect(res.status).toBe(500)
      },
    )
    expect(errorLines()).toContainEqual(expect.objectContaining({ err: expect.objectContaining({ message: 'connection reset by peer' }) }))
    expect(await appointments()).toBe(before)
  })

  it('answer a clash on the idempotency key with 409, logged at info, and book nothing', async () => {
    const key = crypto.randomUUID()
    // Another request holds the key and has not answered yet (no stored answer).
    const now = new Date().toISOString()
    await server.payload.db.create({
      collection: 'idempotency-records',
      data: { key: `book:${world.alpha.patient.id}:${key}`, createdAt: now, updatedAt: now },
    })
    const before = await appointments()
    logs.clear()
    const res = await book(key)
    expect([res.status, res.body.errors?.[0]?.message]).toEqual([409, expect.stringContaining('still being processed')])
    expect(await appointments()).toBe(before)
    expect(errorLines()).toEqual([])
  })

  it('send Retry-After with a 503, and log it at error', async () => {
    logs.clear()
    await whileDatabase(
      'create',
      (original, args) =>
        args.collection === 'tenants' ? Promise.reject(new APIError('The database is busy. Try again in a moment.', 503)) : original(args),
      async () => {
        const res = await platformAdmin.request('POST', '/api/tenants', { name: 'Busy clinic', slug: 'busy', theme: 'default' })
        expect([res.status, res.headers.get('retry-after'), res.body.errors?.[0]?.message]).toEqual([
          503,
          '2',
          'The database is busy. Try again in a moment.',
        ])
      },
    )
    expect(errorLines().length).toBeGreaterThan(0)
  })
})
