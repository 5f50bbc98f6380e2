import type { Access, SanitizedConfig, Where } from 'payload'
import { isPlatformAdmin, isStaff, userOf } from './roles.ts'

/** A lock's `user` is `{ relationTo: 'users', value: id }`. */
const ownLock = (id: unknown): Where => ({ 'user.value': { equals: id } })

/**
 * Document locks are how the admin panel tells one editor that another has a
 * document open. Payload lets any signed-in account read and write them, so a
 * patient could list which documents staff edit, or lock one in their name.
 * Here: staff only (the admin panel's users), each writing only their own locks.
 */
/** A lock written in the writer's own name, or naming nobody (Payload's validation then asks for the holder). */
const namesTheWriter = (req: Parameters<Access>[0]['req'], data: unknown) => {
  const holder = (data as { user?: { value?: unknown } | null } | undefined)?.user
  return holder === undefined || String(holder?.value) === String(userOf(req)!.id)
}

const lockedDocumentsAccess: Record<'read' | 'create' | 'update' | 'delete', Access> = {
  read: ({ req }) => isStaff(req),
  create: ({ req, data }) => (isPlatformAdmin(req) ? true : isStaff(req) && namesTheWriter(req, data)),
  // Their own locks, and still in their own name afterwards: a lock is not handed to someone else.
  update: ({ req, data }) => (isPlatformAdmin(req) ? true : isStaff(req) && namesTheWriter(req, data) ? ownLock(userOf(req)!.id) : false),
  delete: ({ req }) => (isPlatformAdmin(req) ? true : isStaff(req) ? ownLock(userOf(req)!.id) : false),
}

/**
 * Payload adds its own collections to the configuration (document locks,
 * preferences, key-value store, migrations). Their access is Payload's default
 * unless set here; the access matrix covers them with the platform's own.
 */
export function lockPayloadInternals(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((c) => c.slug === 'payload-locked-documents')
  if (locks) Object.assign(locks.access, lockedDocumentsAccess)
  return config
}
