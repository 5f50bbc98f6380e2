import type { CollectionConfig } from 'payload'
import { notForDoctors, paymentsAccess } from '../../access/payments.ts'
import { audited } from '../../hooks/audit.ts'
import { CLINIC_TIME_CELL } from '../../admin/clinicTime/fields.ts'
import { paymentEndpoints } from '../../payments/endpoints/index.ts'
import { PAYMENT_STATUS_LABELS } from '../../admin/payments/labels.ts'

/** A payment's money in the list, in its currency's decimals (see AmountCell). */
const AMOUNT_CELL = '/admin/payments/AmountCell#AmountCell'

/**
 * - `open`: a checkout waits for the patient (the time is held meanwhile);
 * - `due`: an invoice, paid at the clinic;
 * - `paid`, `partially-refunded`, `refunded`;
 * - `expired`: the checkout closed unpaid; `failed`: the provider refused the payment;
 * - `cancelled`: an invoice cancelled with its visit, nothing was paid.
 */
export const PAYMENT_STATUSES = ['open', 'due', 'paid', 'partially-refunded', 'refunded', 'expired', 'failed', 'cancelled'] as const
export type PaymentStatusValue = (typeof PAYMENT_STATUSES)[number]

const readOnly = { create: () => false, update: () => false }

/** The provider's references, shown for payments through a provider (not at the desk, which has none of its own). */
const throughAProvider = (data: { provider?: string } | undefined) => !!data?.provider && data.provider !== 'desk'

/**
 * One visit's payment, in the clinic's currency and integer minor units. No card
 * data: the provider's hosted page takes the card, and the platform keeps its
 * references. Written only by the platform (see payments/).
 */
export const Payments: CollectionConfig = audited({
  slug: 'payments',
  access: paymentsAccess,
  admin: {
    defaultColumns: ['id', 'patient', 'visitStart', 'amount', 'status', 'provider', 'createdAt'],
    group: 'Clinic',
    description: 'Payments of visits, in minor units of the clinic’s currency (cents). Refund or mark paid from a payment’s page.',
    // Above the list: what the clinic took between two dates (paid, refunded, net), per currency.
    components: { beforeList: ['/admin/payments/PaymentTotals#PaymentTotals'] },
  },
  endpoints: paymentEndpoints,
  indexes: [{ fields: ['provider', 'checkoutId'] }, { fields: ['status', 'checkoutExpiresAt'] }],
  fields: [
    // At the top of a payment's page, for its clinic's admins: the money in words, "Mark paid", a refund form.
    { name: 'actions', type: 'ui', admin: { components: { Field: '/admin/payments/PaymentActions#PaymentActions' } } },
    { name: 'patient', type: 'relationship', relationTo: 'users', required: true, index: true, access: readOnly },
    { name: 'appointment', type: 'relationship', relationTo: 'appointments', index: true, access: readOnly },
    { name: 'doctor', type: 'relationship', relationTo: 'doctors', required: true, index: true, access: readOnly },
    // The visit's time and kind as paid for: a receipt says what it was for, and a lost hold is booked again from them.
    { name: 'visitStart', type: 'date', required: true, access: readOnly, admin: { components: { Cell: CLINIC_TIME_CELL } } },
    { name: 'visitEnd', type: 'date', required: true, access: readOnly, admin: { hidden: true } },
    { name: 'visitType', type: 'select', required: true, options: ['video', 'chat'], access: readOnly },
    {
      name: 'amount',
      type: 'number',
      required: true,
      min: 0,
      access: readOnly,
      admin: { description: 'Minor units (cents).', components: { Cell: AMOUNT_CELL } },
    },
    { name: 'currency', type: 'text', required: true, maxLength: 3, access: readOnly },
    { name: 'provider', type: 'text', required: true, access: readOnly },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: PAYMENT_STATUSES.map((value) => ({ value, label: PAYMENT_STATUS_LABELS[value] })),
      access: readOnly,
    },
    {
      name: 'amountRefunded',
      type: 'number',
      required: true,
      defaultValue: 0,
      min: 0,
      access: readOnly,
      admin: { components: { Cell: AMOUNT_CELL } },
    },
    { name: 'checkoutId', type: 'text', access: readOnly, admin: { readOnly: true, condition: throughAProvider } },
    {
      name: 'checkoutUrl',
      type: 'text',
      access: { read: notForDoctors, ...readOnly },
      admin: { readOnly: true, condition: throughAProvider },
    },
    { name: 'checkoutExpiresAt', type: 'date', access: readOnly, admin: { readOnly: true, condition: throughAProvider } },
    { name: 'paymentRef', type: 'text', index: true, access: readOnly, admin: { readOnly: true, condition: throughAProvider } },
    { name: 'paidAt', type: 'date', access: readOnly, admin: { readOnly: true } },
    {
      name: 'disputed',
      type: 'checkbox',
      access: readOnly,
      admin: {
        readOnly: true,
        condition: (data) => !!data?.disputed,
        description: 'The patient’s bank opened a dispute: answer it in the provider’s dashboard.',
      },
    },
    {
      name: 'refunds',
      type: 'array',
      access: { read: notForDoctors, ...readOnly },
      admin: { readOnly: true },
      fields: [
        { name: 'refundId', type: 'text', required: true },
        { name: 'key', type: 'text', required: true, admin: { hidden: true } },
        { name: 'amount', type: 'number', required: true, min: 1 },
        { name: 'reason', type: 'text', required: true, maxLength: 500 },
        { name: 'status', type: 'select', required: true, options: ['pending', 'succeeded', 'failed'] },
        { name: 'at', type: 'date', required: true },
        { name: 'by', type: 'relationship', relationTo: 'users' },
      ],
    },
    {
      name: 'history',
      type: 'array',
      // Its lines name refunds and their reasons: the patient's and the clinic admins', not the doctor's.
      access: { read: notForDoctors, ...readOnly },
      admin: { readOnly: true },
      fields: [
        { name: 'at', type: 'date', required: true },
        { name: 'by', type: 'relationship', relationTo: 'users' },
        { name: 'change', type: 'text', required: true },
      ],
    },
  ],
})
