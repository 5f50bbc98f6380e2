import type { CollectionConfig } from 'payload'
import { paymentEventsAccess } from '../../access/payments.ts'

/**
 * Each provider event (webhook) as received and verified, once: its key is
 * unique, so an event sent twice is stored and processed once. Stored with the
 * job that processes it, in one transaction, so an answer of 200 never loses it.
 * Ids, amounts and kinds only (ProviderEvent): no card data, no clinical content.
 */
export const PaymentEvents: CollectionConfig = {
  slug: 'payment-events',
  access: paymentEventsAccess,
  admin: { group: 'Platform', defaultColumns: ['key', 'type', 'tenant', 'processedAt', 'outcome'] },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { description: '<provider>:<event id>' } },
    { name: 'provider', type: 'text', required: true },
    { name: 'tenant', type: 'relationship', relationTo: 'tenants', required: true, index: true },
    { name: 'type', type: 'text', required: true },
    { name: 'event', type: 'json', required: true },
    { name: 'processedAt', type: 'date' },
    { name: 'outcome', type: 'text' },
  ],
}
