import type { CollectionConfig } from 'payload'
import { prescriptionsAccess } from '../../access/prescriptions.ts'
import { audited } from '../../hooks/audit.ts'
import { doctorCheckedByOwnership, enforceClinicalOwnership } from '../../hooks/ownership.ts'
import { signing } from './hooks/signing.ts'
import { emitSigned } from './hooks/emitSigned.ts'
import { CLINIC_TIME_CELL } from '../../admin/clinicTime/fields.ts'

/** A prescription: drafted, then signed by the doctor, then sent to and filled by a pharmacy. */
export const Prescriptions: CollectionConfig = audited({
  slug: 'prescriptions',
  access: prescriptionsAccess,
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['summary', 'patient', 'doctor', 'status', 'signedAt'],
    listSearchableFields: ['medication.name'],
    group: 'Clinic',
  },
  hooks: { beforeChange: [enforceClinicalOwnership({ doctorNeedsExistingPatient: true }), signing], afterChange: [emitSigned] },
  fields: [
    { name: 'patient', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'doctor', type: 'relationship', relationTo: 'doctors', required: true, index: true, validate: doctorCheckedByOwnership },
    { name: 'appointment', type: 'relationship', relationTo: 'appointments' },
    {
      name: 'medication',
      type: 'group',
      fields: [
        { name: 'name', type: 'text', required: true, maxLength: 200 },
        { name: 'code', type: 'text', maxLength: 40, admin: { description: 'RxNorm or national code.' } },
        { name: 'strength', type: 'text', maxLength: 60 },
        { name: 'form', type: 'text', maxLength: 60 },
      ],
    },
    {
      // The list title, e.g. "Amoxicillin 500 mg capsule"; kept in step with the medication.
      name: 'summary',
      type: 'text',
      admin: { hidden: true },
      hooks: {
        beforeChange: [
          ({ siblingData }) =>
            [siblingData.medication?.name, siblingData.medication?.strength, siblingData.medication?.form].filter(Boolean).join(' '),
        ],
      },
    },
    { name: 'directions', type: 'textarea', required: true, maxLength: 1000 },
    { name: 'quantity', type: 'number', required: true, min: 1, max: 10000 },
    { name: 'refills', type: 'number', required: true, defaultValue: 0, min: 0, max: 12 },
    { name: 'pharmacy', type: 'text', maxLength: 200 },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: ['draft', 'signed', 'sent', 'filled', 'cancelled'].map((value) => ({ value, label: value })),
    },
    { name: 'signedAt', type: 'date', admin: { readOnly: true, components: { Cell: CLINIC_TIME_CELL } } },
  ],
})
