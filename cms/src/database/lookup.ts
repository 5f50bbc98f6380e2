import type { CollectionSlug, PayloadRequest, SelectType, TransformCollectionWithSelect, Where } from 'payload'
import { findByIdPrepared } from './preparedRead.ts'

type Doc = Record<string, any> & { id: number | string }
/** A document as read with `select` (only those fields), relationships as ids. */
type Read<S extends CollectionSlug, Sel extends SelectType> = TransformCollectionWithSelect<S, Sel>

const perRequest = new WeakMap<PayloadRequest, Map<string, Promise<Doc | null>>>()
const seenBy = (req: PayloadRequest) => {
  let seen = perRequest.get(req)
  if (!seen) perRequest.set(req, (seen = new Map()))
  return seen
}
const onceKey = (collection: string, id: unknown, select: SelectType) => `${collection}:${id}:${JSON.stringify(select)}`

/**
 * Reads for the platform's own checks (access rules, ownership, overlap): straight
 * from the database adapter, so no hooks run (no audit entries for internal
 * look-ups) and no access rules apply, and inside the request's transaction when
 * it has one, so a busy connection pool can never starve a write that waits on
 * its own check. Relationships come back as ids. Pass `select` to read only the
 * fields needed: a doctor with all their arrays is a costly query. Outside a
 * transaction, a read by id is a prepared query (see preparedRead.ts).
 */
export const lookup = {
  async byId<S extends CollectionSlug, Sel extends SelectType = SelectType>(
    req: PayloadRequest,
    collection: S,
    id: number | string | null | undefined,
    select?: Sel,
  ): Promise<Read<S, Sel> | null> {
    if (id === null || id === undefined || id === '') return null
    return (await findByIdPrepared(req.payload, collection, id, select, req)) as Read<S, Sel> | null
  },
  /** byId, read once per request: for facts several checks of one write need (a doctor's clinic and buffers). */
  byIdOnce<S extends CollectionSlug, Sel extends SelectType>(
    req: PayloadRequest,
    collection: S,
    id: number | string | null | undefined,
    select: Sel,
  ): Promise<Read<S, Sel> | null> {
    const seen = seenBy(req)
    const key = onceKey(collection, id, select)
    let found = seen.get(key)
    if (!found) seen.set(key, (found = lookup.byId(req, collection, id, select)))
    return found as Promise<Read<S, Sel> | null>
  },
  /** Hands byIdOnce what this request already read (e.g. the doctor a booking was planned with), sparing a query. */
  remember(req: PayloadRequest, collection: CollectionSlug, select: SelectType, doc: Doc): void {
    const picked: Doc = { id: doc.id }
    for (const field of Object.keys(select)) picked[field] = doc[field]
    seenBy(req).set(onceKey(collection, doc.id, select), Promise.resolve(picked))
  },
  async count(req: PayloadRequest, collection: CollectionSlug, where: Where): Promise<number> {
    return (await req.payload.db.count({ collection, where, req })).totalDocs
  },
  async all<S extends CollectionSlug, Sel extends SelectType = SelectType>(
    req: PayloadRequest,
    collection: S,
    where: Where,
    select?: Sel,
  ): Promise<Read<S, Sel>[]> {
    return (await req.payload.db.find<Read<S, Sel>>({ collection, where, limit: 0, pagination: false, req, select })).docs
  },
}
