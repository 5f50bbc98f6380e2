import type { Payload, PayloadRequest } from 'payload'

type Id = string | number
type Pending = Map<Id, (() => Promise<void>)[]>
type TransactionApi = {
  commitTransaction: (id: Id | Promise<Id | null>) => Promise<void>
  rollbackTransaction: (id: Id | Promise<Id | null>) => Promise<void>
  telemedAfterCommit?: Pending
}

/**
 * Runs `work` once the request's transaction has committed (at once when there is
 * none); drops it when the transaction rolls back. Subscribers to domain events
 * must never hear of a change that did not happen.
 */
export async function afterCommit(req: PayloadRequest, work: () => Promise<void>): Promise<void> {
  const pending = (req.payload.db as unknown as TransactionApi).telemedAfterCommit
  const id = await req.transactionID
  if (!pending || id === undefined || id === null) return void setImmediate(() => void work())
  pending.set(id, [...(pending.get(id) ?? []), work])
}

/** Installed once at start-up: hooks the adapter's commit and rollback. */
export function enableAfterCommit(payload: Payload): void {
  const db = payload.db as unknown as TransactionApi
  if (db.telemedAfterCommit) return
  const pending: Pending = new Map()
  db.telemedAfterCommit = pending
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (idOrPromise) => {
    const id = await idOrPromise
    await commit(id as Id)
    const works = id === null ? [] : (pending.get(id) ?? [])
    if (id !== null) pending.delete(id)
    for (const work of works) setImmediate(() => void work())
  }
  db.rollbackTransaction = async (idOrPromise) => {
    const id = await idOrPromise
    if (id !== null) pending.delete(id)
    await rollback(id as Id)
  }
}
