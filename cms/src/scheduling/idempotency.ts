import type { PayloadRequest } from 'payload'

export type StoredAnswer = { status: number; body: unknown }

/** Raised when another request already claimed the same key. */
export class KeyTaken extends Error {}

const keyOf = (req: PayloadRequest, scope: string, key: string) => `${scope}:${req.user?.id ?? 'anonymous'}:${key}`

/**
 * Idempotency-Key support in two steps, so no transaction ever waits for a second
 * database connection: `storedAnswer` reads outside any transaction; `runOnce`
 * claims the key with a unique row inside the caller's transaction, runs the work
 * and stores its answer, all committing together. A racing request with the same
 * key gets KeyTaken and then reads the first one's answer.
 */
export async function storedAnswer(req: PayloadRequest, scope: string, key: string): Promise<StoredAnswer | 'in-progress' | null> {
  const { docs } = await req.payload.db.find({
    collection: 'idempotency-records',
    where: { key: { equals: keyOf(req, scope, key) } },
    limit: 1,
    pagination: false,
  })
  const earlier = docs[0] as { status?: number; body?: unknown } | undefined
  if (!earlier) return null
  return earlier.status ? { status: earlier.status, body: earlier.body } : 'in-progress'
}

export async function runOnce(req: PayloadRequest, scope: string, key: string, work: () => Promise<StoredAnswer>): Promise<StoredAnswer> {
  const claimed = keyOf(req, scope, key)
  try {
    // Plain bookkeeping rows: written through the adapter, inside the caller's transaction, never read back.
    const now = new Date().toISOString()
    await req.payload.db.create({
      collection: 'idempotency-records',
      data: { key: claimed, createdAt: now, updatedAt: now },
      req,
      returning: false,
    })
  } catch {
    throw new KeyTaken()
  }
  const answer = await work()
  // The key is unique: one UPDATE … WHERE key = ? stores the answer.
  await req.payload.db.updateOne({
    collection: 'idempotency-records',
    where: { key: { equals: claimed } },
    data: { status: answer.status, body: answer.body, updatedAt: new Date().toISOString() },
    options: { atomic: true },
    req,
  } as never)
  return answer
}
