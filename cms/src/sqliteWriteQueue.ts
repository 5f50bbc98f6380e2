import { createClient, type Client, type Config, type InStatement, type Transaction } from '@libsql/client'
import type { Payload } from 'payload'
import { flushWalFile, groupCommit } from './sqliteGroupCommit.ts'

type Id = string | number
type TransactionApi = {
  name: string
  client: Client
  clientConfig: Config
  busyTimeout: number
  wal?: { synchronous: string }
  destroy?: () => Promise<void>
  beginTransaction: (options?: unknown) => Promise<Id | null>
  commitTransaction: (id: Id | Promise<Id | null>) => Promise<void>
  rollbackTransaction: (id: Id | Promise<Id | null>) => Promise<void>
  telemedWriteQueue?: true
}

/**
 * SQLite allows one writer at a time, and the libsql client gives each
 * transaction a fresh connection without a busy timeout, so concurrent requests
 * fail with SQLITE_BUSY instead of waiting. This queues Payload's transactions in
 * the process, one after the other, which is what SQLite would do anyway.
 * (Several processes on one SQLite file are not a supported deployment: use
 * PostgreSQL to scale out.) Reads outside transactions go on in parallel (WAL).
 *
 * Because transactions run one at a time, they can all share one long-lived
 * writer connection (see useOneWriterConnection). With WAL on, that connection
 * commits without waiting for the disk and each commit then waits for a shared
 * flush of the WAL before Payload goes on (see sqliteGroupCommit.ts): the next
 * transaction starts while the disk works, and no write is answered before it
 * is on disk.
 */
export function queueSqliteWrites(payload: Payload, maxWaitMs = 15_000): void {
  const db = payload.db as unknown as TransactionApi
  if (db.name !== 'sqlite' || db.telemedWriteQueue) return
  db.telemedWriteQueue = true
  const file = db.wal ? /^file:(.+)$/.exec(db.clientConfig.url)?.[1] : undefined
  const durable = file ? groupCommit(flushWalFile(file)) : undefined
  useOneWriterConnection(db, durable ? 'NORMAL' : db.wal?.synchronous)
  const begin = db.beginTransaction.bind(db)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  const releases = new Map<Id, () => void>()
  let tail: Promise<void> = Promise.resolve()

  db.beginTransaction = async (options) => {
    let release!: () => void
    const mine = new Promise<void>((resolve) => (release = resolve))
    const previous = tail
    tail = previous.then(() => mine)
    let timer: NodeJS.Timeout | undefined
    const waited = await Promise.race([
      previous.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), maxWaitMs))),
    ])
    clearTimeout(timer)
    if (!waited) {
      release()
      throw new Error(`Waited ${maxWaitMs} ms for the database: a write transaction is stuck.`)
    }
    try {
      const id = await begin(options)
      if (id === null || id === undefined) release()
      else releases.set(id, release)
      return id
    } catch (error) {
      release()
      throw error
    }
  }
  const finishing =
    (finish: (id: Id) => Promise<void>, afterwards?: () => Promise<void>) => async (idOrPromise: Id | Promise<Id | null>) => {
      const id = await idOrPromise
      if (id === null || id === undefined) return
      try {
        await finish(id)
      } finally {
        releases.get(id)?.()
        releases.delete(id)
      }
      await afterwards?.()
    }
  db.commitTransaction = finishing(commit, durable)
  db.rollbackTransaction = finishing(rollback)
}

/**
 * libsql hands its connection to each transaction and opens a new one for the
 * next statement, so every write paid for opening the file, re-reading the
 * schema and re-applying the busy timeout, and the reads that followed did too.
 * Here transactions run on one writer connection that stays open (the queue
 * above guarantees one transaction at a time) and reads keep the first one.
 */
function useOneWriterConnection(db: TransactionApi, synchronous: string | undefined): void {
  const writer = createClient(db.clientConfig)
  const ready = (async () => {
    await writer.execute(`PRAGMA busy_timeout = ${db.busyTimeout || 5000}`)
    if (synchronous) await writer.execute(`PRAGMA synchronous = ${synchronous}`)
  })()
  db.client.transaction = async (mode = 'write') => {
    await ready
    // DEFERRED, not IMMEDIATE: the write lock is taken at the first write, not at BEGIN. Payload does
    // some bookkeeping outside the open transaction (e.g. forgot-password's rate reservation); holding
    // the lock from BEGIN would make that wait for the very transaction that waits for it.
    await writer.execute(mode === 'read' ? 'BEGIN' : 'BEGIN DEFERRED')
    let open = true
    const run = <T>(work: () => Promise<T>) => {
      if (!open) throw new Error('The transaction is closed.')
      return work()
    }
    const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
      if (!open) return
      open = false
      await writer.execute(sql)
    }
    const transaction: Transaction = {
      execute: (stmt: InStatement) => run(() => writer.execute(stmt)),
      batch: async (stmts: InStatement[]) =>
        run(async () => {
          const results = []
          for (const stmt of stmts) results.push(await writer.execute(stmt))
          return results
        }),
      // libsql's executeMultiple rolls back an open transaction; nothing here needs it.
      executeMultiple: () => Promise.reject(new Error('executeMultiple is not available inside a transaction.')),
      commit: () => end('COMMIT'),
      rollback: () => end('ROLLBACK'),
      close: () => void end('ROLLBACK'),
      get closed() {
        return !open
      },
    } as Transaction
    return transaction
  }
  const destroy = db.destroy?.bind(db)
  db.destroy = async () => {
    await destroy?.()
    writer.close()
    db.client.close()
  }
}
