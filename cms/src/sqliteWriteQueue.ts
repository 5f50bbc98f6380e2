import type { Payload } from 'payload'

type Id = string | number
type TransactionApi = {
  name: string
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
 */
export function queueSqliteWrites(payload: Payload, maxWaitMs = 15_000): void {
  const db = payload.db as unknown as TransactionApi
  if (db.name !== 'sqlite' || db.telemedWriteQueue) return
  db.telemedWriteQueue = true
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
  const finishing = (finish: (id: Id) => Promise<void>) => async (idOrPromise: Id | Promise<Id | null>) => {
    const id = await idOrPromise
    if (id === null || id === undefined) return
    try {
      await finish(id)
    } finally {
      releases.get(id)?.()
      releases.delete(id)
    }
  }
  db.commitTransaction = finishing(commit)
  db.rollbackTransaction = finishing(rollback)
}
