/**
 * The SQLite write queue takes the one writer at a transaction's first write,
 * not at its BEGIN: what Payload does before writing (hooks, validation,
 * password hashing) no longer holds up every other write. Checked on a real
 * Payload with the platform's SQLite adapter on a real database file.
 */
import type { Client } from '@libsql/client'
import crypto from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  APIError,
  buildConfig,
  commitTransaction,
  createLocalReq,
  getPayload,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { databaseAdapter } from './adapter.ts'
import { MAX_WAIT_MS, queueSqliteWrites, writeQueue, writeQueueOf, type WriteQueue } from './sqliteWriteQueue.ts'

/** Lets the event loop run everything that is ready (promise callbacks, I/O already done) once. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

/** A promise that can be watched without awaiting it. */
function watch<T>(promise: Promise<T>) {
  const seen = { done: false, failed: undefined as unknown, value: undefined as T | undefined, promise }
  promise.then(
    (value) => Object.assign(seen, { done: true, value }),
    (error) => Object.assign(seen, { done: true, failed: error }),
  )
  return seen
}

describe('the write queue', () => {
  afterEach(() => void vi.useRealTimers())

  it('hands the writer over first come, first served', async () => {
    const queue = writeQueue(1000)
    const order: string[] = []
    const first = await queue.acquire()
    const second = queue.acquire().then((release) => (order.push('second'), release))
    const third = queue.acquire().then((release) => (order.push('third'), release))
    expect([queue.held, queue.waiting]).toEqual([true, 2])
    first()
    first() // a second release of the same turn changes nothing
    ;(await second)()
    ;(await third)()
    expect(order).toEqual(['second', 'third'])
    expect([queue.held, queue.waiting]).toEqual([false, 0])
  })

  it('answers 503 to a waiter past the limit, and the line goes on without it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const queue = writeQueue(MAX_WAIT_MS)
    const holder = await queue.acquire()
    const tooLate = watch(queue.acquire())
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS - 1)
    const inTime = watch(queue.acquire())
    expect(tooLate.done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(tooLate.failed).toBeInstanceOf(APIError)
    expect((tooLate.failed as APIError).status).toBe(503)
    expect(queue.waiting).toBe(1)
    holder()
    await settle()
    expect(inTime.done).toBe(true)
    ;(inTime.value as () => void)()
    expect(queue.held).toBe(false)
  })
})

/**
 * The Local API on this test's own collections (accounts, notes): the platform's generated
 * types describe the platform's collections, and would refuse these.
 */
type OwnCollections = {
  create: (args: { collection: string; data: object; req?: PayloadRequest }) => Promise<unknown>
  login: (args: { collection: string; data: { email: string; password: string } }) => Promise<{ user?: { email?: string } | null }>
  db: {
    client: Client
    create: (args: { collection: string; data: object; req: PayloadRequest }) => Promise<unknown>
    find: <T>(args: {
      collection: string
      req?: PayloadRequest
      limit: number
      pagination: boolean
      sort: string
    }) => Promise<{ docs: T[] }>
  }
}

describe('SQLite transactions take the writer at their first write (real Payload, real file)', () => {
  let payload: Payload
  let queue: WriteQueue
  const local = () => payload as unknown as OwnCollections

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-queue-'))
    const config = buildConfig({
      secret: 'write-queue-test-secret-0123456789abcdef',
      db: databaseAdapter(`file:${join(dir, 'clinic.db')}`),
      telemetry: false,
      graphQL: { disable: true },
      typescript: { autoGenerate: false },
      collections: [
        { slug: 'accounts', auth: true, fields: [] },
        { slug: 'notes', fields: [{ name: 'body', type: 'text' }] },
      ],
      onInit: (payload) => queueSqliteWrites(payload),
    })
    payload = await getPayload({ config })
    queue = writeQueueOf(payload)!
  })
  afterAll(async () => {
    await payload?.db.destroy?.()
  })

  const transaction = async () => {
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    return req
  }
  const note = (body: string, req?: PayloadRequest) =>
    local().db.create({ collection: 'notes', data: { body }, req: req ?? ({} as PayloadRequest) })
  const bodies = async (req?: PayloadRequest) =>
    (await local().db.find<{ body: string }>({ collection: 'notes', req, limit: 0, pagination: false, sort: 'id' })).docs.map((d) => d.body)

  it('hashes a new password without the writer, while another write commits', async () => {
    // Every PBKDF2 call notes whether the writer is held, and waits until the test lets it go on.
    const pbkdf2 = crypto.pbkdf2
    let letHashGoOn!: () => void
    const gate = new Promise<void>((resolve) => (letHashGoOn = resolve))
    const heldWhileHashing: boolean[] = []
    const spy = vi.spyOn(crypto, 'pbkdf2').mockImplementation(((...args: unknown[]) => {
      heldWhileHashing.push(queue.held)
      void gate.then(() => (pbkdf2 as (...a: unknown[]) => void)(...args))
    }) as never)
    try {
      const account = watch(local().create({ collection: 'accounts', data: { email: 'new@patient.test', password: 'a long passphrase' } }))
      while (heldWhileHashing.length === 0) await settle()
      expect(heldWhileHashing).toEqual([false])
      // The registration is in its transaction, hashing: someone else writes and commits meanwhile.
      await local().create({ collection: 'notes', data: { body: 'written while the password was hashed' } })
      expect(account.done).toBe(false)
      letHashGoOn()
      await account.promise
    } finally {
      spy.mockRestore()
    }
    const login = await local().login({ collection: 'accounts', data: { email: 'new@patient.test', password: 'a long passphrase' } })
    expect(login.user?.email).toBe('new@patient.test')
    expect(queue.held).toBe(false)
  })

  it('lets a transaction that has only read so far block nobody; its later reads see what others committed', async () => {
    const reading = await transaction()
    const before = await bodies(reading)
    expect(queue.held).toBe(false)
    await note('committed by another request')
    expect(await bodies(reading)).toEqual([...before, 'committed by another request'])
    // A transaction that never wrote never took the writer: its commit is a no-op.
    await commitTransaction(reading)
    expect(queue.held).toBe(false)
  })

  it('runs a transaction from its first write on the writer: it reads its own writes, others see them at commit', async () => {
    const req = await transaction()
    await note('draft', req)
    expect(queue.held).toBe(true)
    expect(await bodies(req)).toContain('draft')
    expect(await bodies()).not.toContain('draft')
    await commitTransaction(req)
    expect(queue.held).toBe(false)
    expect(await bodies()).toContain('draft')
  })

  it('undoes a rolled-back write and frees the writer', async () => {
    const req = await transaction()
    await note('never happened', req)
    await killTransaction(req)
    expect(queue.held).toBe(false)
    expect(await bodies()).not.toContain('never happened')
    await note('after the rollback')
    expect(await bodies()).toContain('after the rollback')
  })

  it('runs statements of one transaction in the order they were sent, also across the first write', async () => {
    const tx = await local().db.client.transaction('write')
    const insert = tx.execute({ sql: 'insert into notes (body, updated_at, created_at) values (?, ?, ?)', args: ['sent first', '', ''] })
    const count = tx.execute({ sql: 'select count(*) as n from notes where body = ?', args: ['sent first'] })
    await insert
    expect((await count).rows[0]!.n).toBe(1)
    await tx.rollback()
    expect(queue.held).toBe(false)
  })

  it('makes a write outside any transaction wait its turn, without blocking the server, instead of failing busy', async () => {
    const req = await transaction()
    await note('inside', req)
    // On a second connection this insert would spin in SQLite's busy handler, the server's one thread stopped, then fail.
    const outside = watch(note('outside'))
    await settle()
    await settle()
    expect(outside.done).toBe(false)
    await commitTransaction(req)
    await outside.promise
    expect((await bodies()).slice(-2)).toEqual(['inside', 'outside'])
  })

  it('answers 503 to a write that waits for the writer too long, and writes nothing', async () => {
    const holder = await transaction()
    await note('holding the writer', holder)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const waiting = watch(local().create({ collection: 'notes', data: { body: 'gave up' } }))
      while (queue.waiting === 0) await settle()
      await vi.advanceTimersByTimeAsync(MAX_WAIT_MS)
      await settle()
      expect(waiting.failed).toBeInstanceOf(APIError)
      expect((waiting.failed as APIError).status).toBe(503)
    } finally {
      vi.useRealTimers()
    }
    await commitTransaction(holder)
    expect(await bodies()).not.toContain('gave up')
    await local().create({ collection: 'notes', data: { body: 'later' } })
    expect(await bodies()).toContain('later')
  })
})
