import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterOperationHook,
  CollectionAfterReadHook,
  CollectionConfig,
  PayloadRequest,
} from 'payload'
import { idOf, userOf } from '../access/roles.ts'

type TenantId = number | string | null
type Pending = Map<string, { collection: string; ids: Set<string>; tenant: TenantId }>
const PENDING = 'telemed.auditPending'

/** The client address the Express host vouched for (see server/api.ts); never a raw forwarded header. */
export const CLIENT_IP_HEADER = 'x-telemed-client-ip'

async function writeEntry(req: PayloadRequest, entry: { action: string; collection: string; documentIds: string[]; tenant: TenantId }) {
  const user = userOf(req)
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
    await writeEntry(req, { action: 'read', collection: group.collection, documentIds: [...group.ids], tenant: group.tenant })
  }
  return result
}

const logWrite: CollectionAfterChangeHook = async ({ doc, req, collection, operation }) => {
  await writeEntry(req, { action: operation, collection: collection.slug, documentIds: [String(doc.id)], tenant: idOf(doc.tenant) })
  return doc
}

const logDelete: CollectionAfterDeleteHook = async ({ doc, req, collection }) => {
  const tenant = idOf(doc.tenant)
  await writeEntry(req, { action: 'delete', collection: collection.slug, documentIds: [String(doc.id)], tenant })
}

/**
 * Adds audit hooks to a collection of health data, keeping any hooks it already
 * has. `isHealthData` narrows reads worth logging (e.g. only patients' accounts).
 */
export function audited(
  config: CollectionConfig,
  isHealthData: (doc: Record<string, unknown>, req: PayloadRequest) => boolean = () => true,
): CollectionConfig {
  const hooks = config.hooks ?? {}
  return {
    ...config,
    hooks: {
      ...hooks,
      afterRead: [...(hooks.afterRead ?? []), noteRead(isHealthData)],
      afterChange: [...(hooks.afterChange ?? []), logWrite],
      afterDelete: [...(hooks.afterDelete ?? []), logDelete],
    },
  }
}
