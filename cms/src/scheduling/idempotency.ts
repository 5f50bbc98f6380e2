import { ValidationError, type PayloadRequest } from 'payload'

export type StoredAnswer = { status: number; body: unknown }

/** Raised when another request already stored an answer under the same key. */
export class KeyTaken extends Error {}

const keyOf = (req: PayloadRequest, scope: string, key: string) => `${scope}:${req.user?.id ?? 'anonymous'}:${key}`

/**
 * Idempotency-Key support in two calls, so the usual booking pays one write
 * and no read for it. `keepAnswer` stores the answer under the key (unique)
 * inside the caller's transaction, so it commits together with the visit it
 * answers for, or not at all. A request that is refused, or finds the key
 * taken, asks `storedAnswer` whether an earlier request with the same key went
 * through, and if so answers as that one did: a retry finds its own visit in
 * the way, and must get the visit, not "this time is taken".
 */
export async function storedAnswer(req: PayloadRequest, scope: string, key: string): Promise<StoredAnswer | null> {
  const { docs } = await req.payload.db.find({
    collection: 'idempotency-records',
    where: { key: { equals: keyOf(req, scope, key) } },
    limit: 1,
    pagination: false,
  })
  const earlier = docs[0] as { status?: number; body?: unknown } | undefined
  return earlier?.status ? { status: earlier.status, body: earlier.body } : null
}

export async function keepAnswer(req: PayloadRequest, scope: string, key: string, answer: StoredAnswer): Promise<void> {
  const now = new Date().toISOString()
  try {
    // Plain bookkeeping rows: written through the adapter, inside the caller's transaction, never read back.
    await req.payload.db.create({
      collection: 'idempotency-records',
      data: { key: keyOf(req, scope, key), status: answer.status, body: answer.body, createdAt: now, updatedAt: now },
      req,
      returning: false,
    })
  } catch (error) {
    // Only a clash on the key means another request got there first; any other failure is the server's (a 500, logged).
    if (isKeyClash(error)) throw new KeyTaken()
    throw error
  }
}

/**
 * A unique violation on the key: Payload's adapter reports it as a ValidationError on `key`;
 * a driver's own error (PostgreSQL 23505, SQLite's UNIQUE constraint) is recognised too.
 */
function isKeyClash(error: unknown): boolean {
  if (error instanceof ValidationError) return error.data.errors.some((e) => e.path === 'key')
  let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE') return true
    if (e.code === 'SQLITE_CONSTRAINT' && String(e.message).includes('UNIQUE')) return true
  }
  return false
}
