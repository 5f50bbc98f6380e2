import type { Field } from 'payload'

/**
 * A clinic's payment rules (Clinics → Payments). Public like the booking policy:
 * patients read the refund policy before they book. Which provider takes the
 * money is Clinics → Providers → Payments (pay at the clinic until one is chosen),
 * its keys Clinics → Plugin settings.
 */
export const clinicPaymentsField: Field = {
  name: 'paymentPolicy',
  label: 'Payments',
  type: 'group',
  fields: [
    {
      name: 'payWhenBooking',
      label: 'Patients pay when they book',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        description:
          'The time is held while the patient pays on the provider’s page; the visit is booked only once paid. Off: visits are booked at once and an invoice is due at the clinic.',
      },
    },
    {
      name: 'defaultFee',
      label: 'Fee of a visit',
      type: 'number',
      min: 0,
      admin: { description: 'In the clinic’s currency, for doctors without their own fee. Empty or 0: visits are free.' },
    },
    {
      name: 'fullRefundHours',
      label: 'Full refund until, hours before the visit',
      type: 'number',
      min: 0,
      max: 720,
      defaultValue: 24,
      required: true,
      admin: { description: 'A patient who cancels earlier gets everything back.' },
    },
    {
      name: 'lateRefundPercent',
      label: 'Refund of a later cancellation, percent',
      type: 'number',
      min: 0,
      max: 100,
      defaultValue: 0,
      required: true,
      admin: {
        description: 'What a patient who cancels after that gets back. Cancellations by the clinic or doctor are refunded in full.',
      },
    },
  ],
}
