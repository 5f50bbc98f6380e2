import type { PayloadRequest } from 'payload'
import { lookup } from '../../../database/index.ts'
import type { Tenant } from '../../../payload-types.ts'

type Clinic = Pick<Tenant, 'id' | 'name'>
const found = (doc: Clinic | null | undefined): Clinic | null => (doc ? { id: doc.id, name: doc.name } : null)

/** The clinic a request names by id or slug, with its name; null when there is none. */
export async function clinicOf(req: PayloadRequest, named: unknown): Promise<Clinic | null> {
  if (typeof named === 'number' || (typeof named === 'string' && /^(\d{1,15}|[a-f0-9]{24})$/.test(named))) {
    const byId = found(await lookup.byId(req, 'tenants', named, { name: true }).catch(() => null))
    if (byId || typeof named === 'number') return byId
  }
  if (typeof named !== 'string' || !/^[a-z0-9-]{1,48}$/.test(named)) return null
  return found((await lookup.all(req, 'tenants', { slug: { equals: named } }, { name: true }))[0])
}
