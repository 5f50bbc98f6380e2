import { clinicPaymentsField } from '../../payments/clinicFields.ts'
import { clinicNotificationsField } from '../../notifications/clinicFields.ts'
import { previewNotification, sendTestNotification } from '../../notifications/preview.ts'
import { announce } from '../../notifications/announcement.ts'
import type { CollectionConfig } from 'payload'
import { tenantsAccess } from '../../access/tenants.ts'
import { audited } from '../../hooks/audit.ts'
import { refuseDeletingClinicWithData } from './hooks/refuseDeletingClinicWithData.ts'
import { publicDataChanged, publicDataDeleted } from '../../hooks/publicDataChanged.ts'
import { bookingPolicyFields } from './bookingPolicy.ts'
import { brandField } from './brand/fields.ts'
import { homePageField } from './homePage.ts'
import { dateLocaleField } from './dateFormat.ts'
import { homePreview } from './homePreview.ts'
import { validateDomain, validateThemeSlug, validateTimeZone } from './validation.ts'

/**
 * A clinic: its own branded site, staff, patients and clinical data. Writes are
 * audited (under the clinic itself; a deleted clinic is named in the entry's
 * documentIds only, since the entry's clinic is a foreign key); reads, public, are not.
 */
export const Tenants: CollectionConfig = audited(
  {
    slug: 'tenants',
    labels: { singular: 'Clinic', plural: 'Clinics' },
    access: tenantsAccess,
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'slug', 'theme', 'timeZone', 'currency'],
      listSearchableFields: ['name', 'slug'],
      group: 'Platform',
      livePreview: homePreview,
    },
    endpoints: [previewNotification, sendTestNotification, announce],
    hooks: { beforeDelete: [refuseDeletingClinicWithData], afterChange: [publicDataChanged], afterDelete: [publicDataDeleted] },
    fields: [
      { name: 'name', type: 'text', required: true, maxLength: 120 },
      {
        name: 'slug',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        validate: (value: unknown) =>
          typeof value === 'string' && /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/.test(value)
            ? true
            : 'Use lower-case letters, digits and dashes (for example "northwind").',
        admin: { description: 'Used in addresses such as /c/<slug>/ and <slug>.localhost.' },
      },
      {
        name: 'domains',
        type: 'array',
        admin: { description: "Host names that open this clinic's site, without port (e.g. care.northwind.example)." },
        fields: [{ name: 'domain', type: 'text', required: true, unique: true, index: true, validate: validateDomain }],
      },
      {
        name: 'theme',
        type: 'text',
        required: true,
        defaultValue: 'default',
        validate: validateThemeSlug,
        // A select of the themes that exist; text in the database (see ThemeSelect).
        admin: { components: { Field: '/collections/Tenants/ThemeSelect#ThemeSelect' } },
      },
      brandField,
      {
        name: 'timeZone',
        type: 'text',
        required: true,
        defaultValue: 'UTC',
        validate: validateTimeZone,
        admin: { description: 'IANA zone, e.g. America/New_York.' },
      },
      dateLocaleField,
      {
        name: 'currency',
        type: 'text',
        required: true,
        defaultValue: 'USD',
        validate: (value: unknown) =>
          typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? true : 'Use a three-letter ISO 4217 code such as USD or EUR.',
      },
      {
        name: 'contact',
        type: 'group',
        fields: [
          { name: 'email', type: 'email' },
          { name: 'phone', type: 'text', maxLength: 40 },
          { name: 'address', type: 'textarea', maxLength: 500 },
        ],
      },
      {
        name: 'terms',
        label: 'Consent and terms',
        type: 'richText',
        admin: { description: "What a patient accepts to register; also the terms page (/terms) of the clinic's site." },
      },
      homePageField,
      {
        name: 'video',
        label: 'Video visits',
        type: 'group',
        fields: [
          {
            name: 'joinMinutesBefore',
            label: 'Open the call this many minutes before the start',
            type: 'number',
            min: 0,
            max: 120,
            defaultValue: 15,
            required: true,
          },
          {
            name: 'joinMinutesAfter',
            label: 'Keep it open this many minutes after the end',
            type: 'number',
            min: 0,
            max: 240,
            defaultValue: 60,
            required: true,
          },
          {
            name: 'recordingAllowed',
            label: 'Doctors may record video visits',
            type: 'checkbox',
            defaultValue: false,
            admin: {
              description:
                'Only visits whose patient agreed to be recorded, and only with a video service that records (OpenVidu). Recordings stay on the video service.',
            },
          },
        ],
      },
      {
        name: 'bookingPolicy',
        type: 'group',
        fields: bookingPolicyFields,
      },
      clinicNotificationsField,
      clinicPaymentsField,
    ],
  },
  { reads: false, tenantOf: (doc, operation) => (operation === 'delete' ? null : (doc.id as number | string)) },
)
