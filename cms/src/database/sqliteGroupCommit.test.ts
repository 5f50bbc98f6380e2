import { createClient, type Transaction } from '@libsql/client'
import { mkdtempSync, readFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Payload } from 'payload'
import { describe, expect, it, vi } from 'vitest'
import { flushWalFile, groupCommit } from './sqliteGroupCommit.ts'
import { queueSqliteWrites } from './sqliteWriteQueue.ts'

/** A flush that finishes when the test says so, recording when each one started. */
function manualFlush() {
  const flushes: { started: number; finish: () => void }[] = []
  let clock = 0
  const flush = () =>
    new Promise<void>((resolve) => {
      flushes.push({ started: ++clock, finish: resolve })
    })
  return { flushes, flush, tick: () => ++clock }
}

describe('group commit', () => {
  it('answers a commit only after a flush that started after it', async () => {
    const { flushes, flush, tick } = manualFlush()
    const durable = groupCommit(flush)
    const done: string[] = []
    const first = durable().then(() => done.push('first'))
    const committedAt = tick() // the second commit is written while the first flush runs
    const second = durable().then(() => done.push('second'))
    const third = durable().then(() => done.push('third'))
    expect(flushes).toHaveLength(1)

    flushes[0]!.finish()
    await first
    await new Promise((resolve) => setImmediate(resolve))
    expect(done).toEqual(['first'])
    expect(flushes).toHaveLength(2)
    expect(flushes[1]!.started).toBeGreaterThan(committedAt)

    flushes[1]!.finish()
    await Promise.all([second, third])
    expect(done).toEqual(['first', 'second', 'third'])
    expect(flushes).toHaveLength(2) // the two commits that waited shared one flush
  })

  it('reports a failed flush to every commit waiting for it, and the next commit flushes again', async () => {
    const { flushes, flush } = manualFlush()
    const durable = groupCommit(() => flush().then(() => (flushes.length === 1 ? Promise.reject(new Error('EIO')) : undefined)))
    const a = durable()
    const b = durable()
    flushes[0]!.finish()
    await expect(a).rejects.toThrow('EIO')
    await new Promise((resolve) => setImmediate(resolve))
    flushes[1]!.finish()
    await expect(b).resolves.toBeUndefined()
  })

  it('flushes the WAL of a real database without disturbing SQLite, and nothing when there is none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'group-commit-'))
    const file = join(dir, 'clinic.db')
    await expect(flushWalFile(file)()).resolves.toBeUndefined()
    const client = createClient({ url: `file:${file}` })
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('PRAGMA synchronous = NORMAL')
    await client.execute('CREATE TABLE visits (id INTEGER PRIMARY KEY, start TEXT)')
    await client.execute("INSERT INTO visits (start) VALUES ('2026-12-01T09:00:00Z')")
    await flushWalFile(file)()
    expect(readFileSync(`${file}-wal`).includes(Buffer.from('2026-12-01T09:00:00Z'))).toBe(true)
    // Our descriptor was opened and closed beside SQLite's: the writer still holds its file, a reader sees the commit.
    await client.execute("INSERT INTO visits (start) VALUES ('2026-12-01T10:00:00Z')")
    const reader = createClient({ url: `file:${file}` })
    expect((await reader.execute('SELECT count(*) AS n FROM visits')).rows[0]!.n).toBe(2)
    reader.close()
    client.close()
  })
})

describe('the SQLite write queue', () => {
  /** Payload's SQLite adapter as far as the queue sees it: transactions by id on a real database file. */
  async function sqliteAdapterLike() {
    const file = join(mkdtempSync(join(tmpdir(), 'write-queue-')), 'clinic.db')
    const clientConfig = { url: `file:${file}` }
    const client = createClient(clientConfig)
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('CREATE TABLE visits (id INTEGER PRIMARY KEY, start TEXT)')
    const open = new Map<number, Transaction>()
    let next = 0
    const db = {
      name: 'sqlite',
      client,
      clientConfig,
      busyTimeout: 5000,
      wal: { synchronous: 'FULL' },
      sessions: open,
      beginTransaction: async () => (open.set(++next, await client.transaction('write')), next),
      commitTransaction: async (id: number) => open.get(id)!.commit(),
      rollbackTransaction: async (id: number) => open.get(id)!.rollback(),
    }
    queueSqliteWrites({ db } as unknown as Payload)
    return db
  }

  it('answers a commit only once the WAL is on disk', async () => {
    const db = await sqliteAdapterLike()
    const handle = await open(db.clientConfig.url.slice('file:'.length))
    const prototype = Object.getPrototypeOf(handle) as { datasync: () => Promise<void> }
    await handle.close()
    const events: string[] = []
    const datasync = prototype.datasync
    const flushes = vi.spyOn(prototype, 'datasync').mockImplementation(async function (this: unknown) {
      await datasync.call(this)
      events.push('flushed')
    })
    try {
      const id = await db.beginTransaction()
      const writer = db.sessions.get(id)!
      // The writer commits without waiting for the disk (NORMAL = 1): the flush is what makes a commit durable.
      expect((await writer.execute('PRAGMA synchronous')).rows[0]![0]).toBe(1)
      await writer.execute("INSERT INTO visits (start) VALUES ('2026-12-01T09:00:00Z')")
      events.push('committing')
      await db.commitTransaction(id)
      events.push('answered')
      expect(events).toEqual(['committing', 'flushed', 'answered'])
      expect((await db.client.execute('SELECT count(*) AS n FROM visits')).rows[0]!.n).toBe(1)
    } finally {
      flushes.mockRestore()
    }
  })
})
