import type { CollectionConfig } from 'payload'

/**
 * Answers already given to requests that carried an Idempotency-Key, so a retry
 * (a phone on a bad network, a double tap) gets the same answer instead of a
 * second booking. Internal: no API access for anyone.
 */
export const IdempotencyRecords: CollectionConfig = {
  slug: 'idempotency-records',
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'status', type: 'number' },
    { name: 'body', type: 'json' },
  ],
}
