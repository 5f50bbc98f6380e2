import type { PayloadRequest } from 'payload'

export type StoredAnswer = { status: number; body: unknown }

/**
 * Runs `work` once per (user, Idempotency-Key): the first request claims the key
 * (a unique row, so two racing requests cannot both claim it), later ones get
 * the stored answer, or 409 while the first is still running.
 */
export async function once(req: PayloadRequest, scope: string, key: string, work: () => Promise<StoredAnswer>): Promise<StoredAnswer> {
  const id = `${scope}:${req.user?.id ?? 'anonymous'}:${key}`
  const internal = { overrideAccess: true, context: { internal: true } } as const
  let claim: { id: number | string }
  try {
    claim = await req.payload.create({ collection: 'idempotency-records', data: { key: id }, ...internal })
  } catch {
    const { docs } = await req.payload.find({ collection: 'idempotency-records', where: { key: { equals: id } }, limit: 1, ...internal })
    const earlier = docs[0]
    if (earlier?.status) return { status: earlier.status, body: earlier.body }
    return { status: 409, body: { errors: [{ message: 'The same request is still being processed. Try again in a moment.' }] } }
  }
  const answer = await work().catch(async (error) => {
    await req.payload.delete({ collection: 'idempotency-records', id: claim.id, ...internal })
    throw error
  })
  await req.payload.update({ collection: 'idempotency-records', id: claim.id, data: { status: answer.status, body: answer.body as never }, ...internal })
  return answer
}
