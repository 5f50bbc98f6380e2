import { createClient, type Client, type Config, type InStatement, type ResultSet, type Transaction } from '@libsql/client'
import { APIError, type Payload } from 'payload'
import { flushWalFile, groupCommit } from './sqliteGroupCommit.ts'

type TransactionApi = {
  name: string
  client: Client
  clientConfig: Config
  busyTimeout: number
  wal?: { synchronous: string }
  destroy?: () => Promise<void>
  telemedWriteQueue?: WriteQueue
}

/** How long a write waits for the writer before it gives up with a 503. */
export const MAX_WAIT_MS = 15_000

/**
 * SQLite allows one writer at a time, and the libsql client gives each
 * transaction a fresh connection without a busy timeout, so concurrent requests
 * failed with SQLITE_BUSY instead of waiting. Here every write of the process
 * goes through one queue, to one long-lived writer connection, which is what
 * SQLite would do anyway. (Several processes on one SQLite file are not a
 * supported deployment: use PostgreSQL to scale out.) Reads never wait: WAL lets
 * them read the latest commit while a transaction writes.
 *
 * The writer is taken lazily, at a transaction's first write, not when Payload
 * begins it. Payload begins its transaction at the start of an operation, then
 * runs hooks, validation, file-type sniffing, image resizing and password
 * hashing (PBKDF2, a tenth of a second of CPU), and only then writes: holding the
 * writer from BEGIN made a hundred registrations at once wait for a hundred
 * hashes in a row. Until its first write, a transaction's reads run on the
 * reader connection and see the latest commit, statement by statement; from its
 * first write to its end, every statement runs on the writer, in one SQLite
 * transaction that began at that write (BEGIN IMMEDIATE: nothing can have
 * changed underneath it). That is PostgreSQL's READ COMMITTED: a check made
 * before the first write may be outdated by the time of the write, so what must
 * hold under concurrency is enforced in the write itself (the booking guard's
 * triggers, unique keys, UPDATE … WHERE), as it must be on PostgreSQL anyway. A
 * transaction that never writes never takes the writer, and its commit is a
 * no-op.
 *
 * Writes outside any transaction (Payload's bookkeeping, audit entries of plain
 * reads) take the same queue: on the reader connection they would spin in
 * SQLite's busy handler, which blocks the server's one thread, whenever a
 * transaction held the write lock.
 *
 * With WAL on, the writer commits without waiting for the disk and each commit
 * then waits for a shared flush of the WAL before it is answered (see
 * sqliteGroupCommit.ts): the next write starts while the disk works, and no write
 * is answered before it is on disk.
 */
export function queueSqliteWrites(payload: Payload, maxWaitMs = MAX_WAIT_MS): void {
  const db = payload.db as unknown as TransactionApi
  if (db.name !== 'sqlite' || db.telemedWriteQueue) return
  const queue = writeQueue(maxWaitMs)
  db.telemedWriteQueue = queue
  const file = db.wal ? /^file:(.+)$/.exec(db.clientConfig.url)?.[1] : undefined
  const durable = file ? groupCommit(flushWalFile(file)) : async () => {}
  useOneWriterConnection(db, queue, durable, file ? 'NORMAL' : db.wal?.synchronous)
  answerBusyAs503(db)
}

/** Refused because the writer stayed taken for too long: a 503, which the API answers with Retry-After. */
export class WriterBusy extends APIError {
  constructor(waitedMs: number) {
    super(
      `The database is busy with other changes: this one waited ${waitedMs >= 1000 ? `${Math.round(waitedMs / 1000)} s` : `${waitedMs} ms`} and was not made. Try again in a moment.`,
      503,
      null,
      true,
    )
  }
}

/** The adapter's calls that run statements, and so may wait for the writer. */
const ADAPTER_CALLS = [
  'count',
  'countGlobalVersions',
  'countVersions',
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'find',
  'findDistinct',
  'findGlobal',
  'findGlobalVersions',
  'findOne',
  'findVersions',
  'queryDrafts',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

/**
 * Drizzle wraps every error of a statement in its own "Failed query" error,
 * which Payload answers with a 500: a write that waited too long for the writer
 * leaves the adapter as the WriterBusy it is, so the client hears 503.
 */
function answerBusyAs503(db: TransactionApi): void {
  const calls = db as unknown as Record<string, unknown>
  for (const name of ADAPTER_CALLS) {
    const call = calls[name]
    if (typeof call !== 'function') continue
    calls[name] = async function (this: unknown, ...args: unknown[]) {
      try {
        return await call.apply(this, args)
      } catch (error) {
        for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) if (cause instanceof WriterBusy) throw cause
        throw error
      }
    }
  }
}

/** The writer's queue of a Payload on SQLite, once queueSqliteWrites has run (for tests and health checks). */
export const writeQueueOf = (payload: Payload): WriteQueue | undefined => (payload.db as unknown as TransactionApi).telemedWriteQueue

export type WriteQueue = {
  /** Waits for the writer, first come first served; rejects with a 503 after maxWaitMs. Call the release once done. */
  acquire: () => Promise<() => void>
  /** Whether someone has the writer now. */
  readonly held: boolean
  /** How many wait for it. */
  readonly waiting: number
  /** How long a write waits before it gives up; applies to writes that start waiting from now on. */
  maxWaitMs: number
}

/** One writer at a time, in arrival order. A waiter that gives up leaves the line. */
export function writeQueue(maxWaitMs: number): WriteQueue {
  let held = false
  const line = new Set<() => void>()
  const releaser = () => {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = line.values().next()
      if (next.done) held = false
      else {
        line.delete(next.value)
        next.value() // handed over: still held
      }
    }
  }
  return {
    get held() {
      return held
    },
    get waiting() {
      return line.size
    },
    get maxWaitMs() {
      return maxWaitMs
    },
    set maxWaitMs(ms: number) {
      maxWaitMs = ms
    },
    acquire: () => {
      if (!held) {
        held = true
        return Promise.resolve(releaser())
      }
      return new Promise((resolve, reject) => {
        const take = () => {
          clearTimeout(timer)
          resolve(releaser())
        }
        const timer = setTimeout(() => {
          line.delete(take)
          reject(new WriterBusy(maxWaitMs))
        }, maxWaitMs)
        line.add(take)
      })
    },
  }
}

/** Statements that only read: SELECT (a statement starting with anything else, even WITH, is treated as a write). */
const READS = /^\s*select\b/i
export const isRead = (stmt: InStatement): boolean => READS.test(typeof stmt === 'string' ? stmt : stmt.sql)

const closed = () => new Error('The transaction is closed.')

/**
 * libsql hands its connection to each transaction and opens a new one for the
 * next statement, so every write paid for opening the file, re-reading the
 * schema and re-applying the busy timeout, and the reads that followed did too.
 * Here all writes run on one writer connection that stays open (the queue
 * guarantees one at a time), and reads keep the client's first connection.
 */
function useOneWriterConnection(db: TransactionApi, queue: WriteQueue, durable: () => Promise<void>, synchronous: string | undefined) {
  const writer = createClient(db.clientConfig)
  const ready = (async () => {
    await writer.execute(`PRAGMA busy_timeout = ${db.busyTimeout || 5000}`)
    if (synchronous) await writer.execute(`PRAGMA synchronous = ${synchronous}`)
  })()
  const reader = db.client
  const read = reader.execute.bind(reader) as (stmt: InStatement) => Promise<ResultSet>
  const readBatch = reader.batch.bind(reader)

  /** A write outside any transaction: its own turn on the writer, answered once on disk. */
  const alone = async <T>(work: () => Promise<T>): Promise<T> => {
    await ready
    const release = await queue.acquire()
    let result: T
    try {
      result = await work()
    } finally {
      release()
    }
    await durable()
    return result
  }
  reader.execute = ((stmt: InStatement, args?: unknown) => {
    const statement = (typeof stmt === 'string' && args !== undefined ? { sql: stmt, args } : stmt) as InStatement
    return isRead(statement) ? read(statement) : alone(() => writer.execute(statement))
  }) as Client['execute']
  reader.batch = ((stmts: InStatement[], mode?: unknown) =>
    stmts.every(isRead) ? readBatch(stmts, mode as never) : alone(() => writer.batch(stmts, mode as never))) as Client['batch']
  reader.executeMultiple = (sql: string) => alone(() => writer.executeMultiple(sql))

  reader.transaction = async () => {
    await ready
    /** Set at the first write: the writer, taken and in a transaction of its own. */
    let writing: Promise<() => void> | undefined
    let ended = false
    const takeWriter = () =>
      (writing ??= (async () => {
        const release = await queue.acquire()
        try {
          // IMMEDIATE: the write lock (already ours within the process) and the latest snapshot, at once.
          await writer.execute('BEGIN IMMEDIATE')
        } catch (error) {
          release()
          throw error
        }
        return release
      })())
    const execute = async (stmt: InStatement) => {
      if (ended) throw closed()
      if (!writing && isRead(stmt)) return read(stmt)
      await takeWriter()
      // Ended while this statement waited for the writer (another statement of the transaction failed).
      if (ended) throw closed()
      return writer.execute(stmt)
    }
    const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
      if (ended) return
      ended = true
      if (!writing) return // never wrote: nothing to commit or undo
      let release: () => void
      try {
        release = await writing
      } catch {
        return // never got the writer: nothing was written
      }
      try {
        await writer.execute(sql)
      } catch (error) {
        // A COMMIT refused leaves SQLite's transaction open: undo it before the next writer comes.
        if (sql === 'COMMIT') await writer.execute('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        release()
      }
      if (sql === 'COMMIT') await durable()
    }
    const transaction: Transaction = {
      execute: (stmt: InStatement) => execute(stmt),
      batch: async (stmts: InStatement[]) => {
        const results = []
        for (const stmt of stmts) results.push(await execute(stmt))
        return results
      },
      // libsql's executeMultiple rolls back an open transaction; nothing here needs it.
      executeMultiple: () => Promise.reject(new Error('executeMultiple is not available inside a transaction.')),
      commit: () => end('COMMIT'),
      rollback: () => end('ROLLBACK'),
      close: () => void end('ROLLBACK').catch(() => undefined),
      get closed() {
        return ended
      },
    } as Transaction
    return transaction
  }

  const destroy = db.destroy?.bind(db)
  db.destroy = async () => {
    await destroy?.()
    writer.close()
    reader.close()
  }
}
