import type { CollectionConfig } from 'payload'
import { doctorsAccess } from '../../access/doctors.ts'
import { audited } from '../../hooks/audit.ts'
import { validateTimeZone } from '../Tenants/validation.ts'
import { availabilityFields } from './availabilityFields.ts'
import { staffOnly } from './staffOnly.ts'
import { doctorSlots } from '../../scheduling/endpoints/doctorSlots.ts'
import { doctorVisitsOutsideHours } from '../../scheduling/endpoints/visitsOutsideHours.ts'
import { createFeedToken, revokeFeedToken } from '../../calendar/feedToken.ts'
import { linkedUserIsDoctorOfClinic } from './hooks/linkedUserIsDoctorOfClinic.ts'
import { refuseDeletingDoctorWithVisits } from './hooks/refuseDeletingDoctorWithVisits.ts'
import { publicDataChanged, publicDataDeleted } from '../../hooks/publicDataChanged.ts'
import { TEXT_LIST_CELL } from '../../admin/cells/componentPaths.ts'

/**
 * A doctor's profile at one clinic; the account that signs in is `user`. Visitors
 * and patients read the public part only (see access/doctors.ts). Writes are
 * audited; reads are not.
 */
export const Doctors: CollectionConfig = audited(
  {
    slug: 'doctors',
    labels: { singular: 'Doctor', plural: 'Doctors' },
    access: doctorsAccess,
    admin: {
      useAsTitle: 'displayName',
      defaultColumns: ['displayName', 'specialties', 'timeZone', 'active'],
      listSearchableFields: ['displayName', 'licenceNumber'],
      group: 'Clinic',
    },
    endpoints: [doctorSlots, doctorVisitsOutsideHours, createFeedToken, revokeFeedToken],
    hooks: {
      beforeChange: [linkedUserIsDoctorOfClinic],
      beforeDelete: [refuseDeletingDoctorWithVisits],
      afterChange: [publicDataChanged],
      afterDelete: [publicDataDeleted],
    },
    fields: [
      // Public: what the clinic's site shows. Staff only: the account, the licence, the hours and time off.
      ...staffOnly([{ name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true }]),
      {
        name: 'displayName',
        type: 'text',
        required: true,
        maxLength: 120,
        admin: { description: 'As patients see it, e.g. "Dr. Ana Ruiz".' },
      },
      { name: 'title', type: 'text', maxLength: 120, admin: { description: 'e.g. "Family physician".' } },
      { name: 'specialties', type: 'text', hasMany: true, maxLength: 80, admin: { components: { Cell: TEXT_LIST_CELL } } },
      { name: 'education', type: 'array', fields: [{ name: 'entry', type: 'text', required: true, maxLength: 200 }] },
      { name: 'languages', type: 'text', hasMany: true, maxLength: 40, admin: { components: { Cell: TEXT_LIST_CELL } } },
      { name: 'bio', type: 'richText' },
      { name: 'photo', type: 'upload', relationTo: 'media' },
      ...staffOnly([{ name: 'licenceNumber', label: 'Licence / NPI number', type: 'text', maxLength: 40 }]),
      { name: 'consultationFee', type: 'number', min: 0, admin: { description: "A video visit, in the clinic's currency." } },
      {
        name: 'chatFee',
        label: 'Chat visit fee',
        type: 'number',
        min: 0,
        admin: { description: "In the clinic's currency. Empty: the same as a video visit." },
      },
      { name: 'visitMinutes', label: 'Visit length (minutes)', type: 'number', min: 5, max: 240, defaultValue: 30, required: true },
      { name: 'timeZone', type: 'text', required: true, defaultValue: 'UTC', validate: validateTimeZone },
      { name: 'active', type: 'checkbox', defaultValue: true, index: true },
      { type: 'collapsible', label: 'Availability', fields: staffOnly(availabilityFields) },
      // SHA-256 of the private calendar feed token (see calendar/feedToken.ts); never readable through the API.
      {
        name: 'calendarFeedHash',
        type: 'text',
        index: true,
        access: { read: () => false, create: () => false, update: () => false },
        admin: { hidden: true },
      },
    ],
  },
  { reads: false },
)
