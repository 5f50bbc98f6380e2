import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionAfterOperationHook,
  type CollectionAfterReadHook,
  type CollectionBeforeDeleteHook,
  type CollectionConfig,
  type PayloadRequest,
} from 'payload'
import { idOf, userOf } from '../access/roles.ts'
import type { AuditAction } from '../collections/AuditLog/index.ts'

type TenantId = number | string | null
type Pending = Map<string, { collection: string; ids: Set<string>; tenant: TenantId }>
const PENDING = 'telemed.auditPending'
const WRITE_NOTES = 'telemed.auditWriteNotes'

/** The client address the Express host vouched for (see server/api.ts); never a raw forwarded header. */
export const CLIENT_IP_HEADER = 'x-telemed-client-ip'

export type AuditEntry = {
  action: AuditAction
  collection: string
  documentIds: string[]
  tenant: TenantId
  note?: string
  /** Who acted, when it is not the signed-in user (a doctor's calendar feed, opened with its token). */
  actor?: { id: number | string; role: string }
}

/** One audit entry for this request's user, address and browser. For events no hook sees (e.g. a file download). */
export async function writeAuditEntry(req: PayloadRequest, entry: AuditEntry) {
  const user = entry.actor ?? userOf(req)
  // Straight to the adapter, inside the request's transaction: an entry is plain data,
  // and the full create operation (validation, hooks, a read-back) would cost every request dearly.
  // Nothing reads the entry back here, so the adapter need not either.
  await req.payload.db.create({
    collection: 'audit-log',
    req,
    returning: false,
    data: {
      actor: user ? user.id : null,
      role: user?.role ?? 'anonymous',
      action: entry.action,
      resource: entry.collection,
      documentIds: entry.documentIds,
      tenant: entry.tenant,
      ip: req.headers?.get(CLIENT_IP_HEADER) ?? null,
      userAgent: req.headers?.get('user-agent')?.slice(0, 300) ?? null,
      note: entry.note ?? null,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    },
  })
}

/**
 * Every document of health data that leaves the database, also through
 * relationship population, is noted here, then written as one audit entry per
 * collection when the request's read operation finishes.
 */
const noteRead =
  (isHealthData: (doc: Record<string, unknown>, req: PayloadRequest) => boolean): CollectionAfterReadHook =>
  ({ doc, req, collection }) => {
    if (!doc?.id || !isHealthData(doc, req)) return doc
    const pending = (req.context[PENDING] ??= new Map()) as Pending
    const tenant = idOf(doc.tenant)
    const key = `${collection.slug}:${tenant ?? ''}`
    const group = pending.get(key) ?? { collection: collection.slug, ids: new Set<string>(), tenant }
    group.ids.add(String(doc.id))
    pending.set(key, group)
    return doc
  }

/** Added to every collection: population from any collection can read health data. */
export const flushAuditedReads: CollectionAfterOperationHook = async ({ req, result, operation, collection }) => {
  if (!['find', 'findByID', 'update', 'updateByID', 'delete', 'deleteByID', 'create'].includes(operation)) return result
  const pending = req.context[PENDING] as Pending | undefined
  if (!pending?.size) return result
  // What a write returns is what the writer just wrote, already logged as the write itself.
  if (['create', 'update', 'updateByID'].includes(operation)) {
    const written = new Set(((result as { docs?: { id: unknown }[] })?.docs ?? [result as { id?: unknown }]).map((d) => String(d?.id)))
    for (const [key, group] of pending) {
      if (group.collection !== collection.slug) continue
      for (const id of written) group.ids.delete(id)
      if (group.ids.size === 0) pending.delete(key)
    }
    if (!pending.size) return result
  }
  req.context[PENDING] = new Map()
  for (const group of pending.values()) {
    await writeAuditEntry(req, { action: 'read', collection: group.collection, documentIds: [...group.ids], tenant: group.tenant })
  }
  return result
}

/**
 * A write that means more than "update" (e.g. a record's file was replaced): its audit
 * entry takes this action and note instead. Set by the collection's own hooks before
 * afterChange.
 */
export function describeAuditedWrite(req: PayloadRequest, collection: string, id: unknown, how: { action: AuditAction; note: string }) {
  const notes = (req.context[WRITE_NOTES] ??= new Map()) as Map<string, { action: AuditAction; note: string }>
  notes.set(`${collection}:${String(id)}`, how)
}

/** Which clinic an entry is about. Deleted clinics are named in documentIds only: the entry's clinic is a foreign key. */
type TenantOf = (doc: Record<string, unknown>, operation: 'create' | 'update' | 'delete') => TenantId
const ownTenant: TenantOf = (doc) => idOf(doc.tenant)

const logWrite =
  (tenantOf: TenantOf, platformWrites: boolean): CollectionAfterChangeHook =>
  async ({ doc, req, collection, operation }) => {
    if (!platformWrites && !req.user) return doc
    const notes = req.context[WRITE_NOTES] as Map<string, { action: AuditAction; note: string }> | undefined
    const described = notes?.get(`${collection.slug}:${String(doc.id)}`)
    await writeAuditEntry(req, {
      action: described?.action ?? operation,
      note: described?.note,
      collection: collection.slug,
      documentIds: [String(doc.id)],
      tenant: tenantOf(doc, operation),
    })
    return doc
  }

const logDelete =
  (tenantOf: TenantOf): CollectionAfterDeleteHook =>
  async ({ doc, req, collection }) => {
    await writeAuditEntry(req, {
      action: 'delete',
      collection: collection.slug,
      documentIds: [String(doc.id)],
      tenant: tenantOf(doc, 'delete'),
    })
  }

/**
 * An account may not delete itself: the entry for the delete must name who did it, and that
 * account would be gone (the entry's insert failed on its reference, and the request with it).
 */
const refuseDeletingOneself: CollectionBeforeDeleteHook = ({ id, req, collection }) => {
  if (req.user && req.user.collection === collection.slug && String(req.user.id) === String(id)) {
    throw new APIError('You cannot delete the account you are signed in with. Ask another administrator to delete it.', 403)
  }
}

type AuditOptions = {
  /** Reads worth logging (e.g. only patients' accounts). Default: every read. */
  isHealthData?: (doc: Record<string, unknown>, req: PayloadRequest) => boolean
  /** false: only writes are logged (public or administrative data, e.g. clinics and doctor profiles). */
  reads?: boolean
  /** The clinic of an entry; default the document's `tenant`. */
  tenantOf?: TenantOf
  /**
   * false: writes the platform's own code makes with no person behind them are not logged
   * (a message's sending, which the message records itself); people's writes still are.
   */
  platformWrites?: boolean
}

/**
 * Adds audit hooks to a collection, keeping any hooks it already has: every create,
 * update and delete, and (for health data) every read. The second argument is the
 * options, or for short the `isHealthData` filter of reads.
 */
export function audited(config: CollectionConfig, options: AuditOptions | AuditOptions['isHealthData'] = {}): CollectionConfig {
  const {
    isHealthData = () => true,
    reads = true,
    tenantOf = ownTenant,
    platformWrites = true,
  } = typeof options === 'function' ? { isHealthData: options } : options
  const hooks = config.hooks ?? {}
  return {
    ...config,
    hooks: {
      ...hooks,
      afterRead: reads ? [...(hooks.afterRead ?? []), noteRead(isHealthData)] : hooks.afterRead,
      afterChange: [...(hooks.afterChange ?? []), logWrite(tenantOf, platformWrites)],
      beforeDelete: config.auth ? [...(hooks.beforeDelete ?? []), refuseDeletingOneself] : hooks.beforeDelete,
      afterDelete: [...(hooks.afterDelete ?? []), logDelete(tenantOf)],
    },
  }
}
