import type { PayloadRequest } from 'payload'

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
  } catch {
    throw new KeyTaken()
  }
}
