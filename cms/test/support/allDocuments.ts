import type { CollectionSlug, Payload } from 'payload'

export type AllDocuments = Record<string, Record<string, unknown>[]>

/** Every document of every collection, by the local API with overrideAccess and hidden fields; the audit log first. */
export async function readAllDocuments(payload: Payload): Promise<AllDocuments> {
  const slugs = payload.config.collections.map((collection) => collection.slug as CollectionSlug)
  const ordered = [...slugs.filter((slug) => slug === 'audit-log'), ...slugs.filter((slug) => slug !== 'audit-log')]
  const all: AllDocuments = {}
  for (const collection of ordered) {
    const { docs } = await payload.find({
      collection,
      overrideAccess: true,
      showHiddenFields: true,
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'id',
    })
    all[collection] = docs as unknown as Record<string, unknown>[]
  }
  return all
}
