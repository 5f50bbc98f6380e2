import type { Field } from 'payload'

const notInFuture = (value: unknown) => {
  if (value === null || value === undefined || value === '') return true
  const time = Date.parse(String(value))
  if (Number.isNaN(time)) return 'Enter a date such as 1980-04-21.'
  return time <= Date.now() ? true : 'The date of birth cannot be in the future.'
}

/** What a patient tells the clinic about themselves: self-declared, shown to their doctors. */
export const patientProfileFields: Field[] = [
  { name: 'dateOfBirth', type: 'date', validate: notInFuture, admin: { date: { pickerAppearance: 'dayOnly' } } },
  {
    name: 'sex',
    type: 'select',
    options: [
      { label: 'Female', value: 'female' },
      { label: 'Male', value: 'male' },
      { label: 'Other', value: 'other' },
      { label: 'Prefer not to say', value: 'unknown' },
    ],
  },
  {
    name: 'phone',
    type: 'text',
    maxLength: 32,
    validate: (v: unknown) =>
      !v || /^\+?[0-9 ()-]{6,31}$/.test(String(v)) ? true : 'Enter a phone number with digits, spaces or dashes, e.g. +1 555 0100.',
  },
  {
    name: 'address',
    type: 'group',
    fields: [
      { name: 'line1', type: 'text', maxLength: 200 },
      { name: 'line2', type: 'text', maxLength: 200 },
      { name: 'city', type: 'text', maxLength: 100 },
      { name: 'postalCode', type: 'text', maxLength: 20 },
      { name: 'country', type: 'text', maxLength: 2, admin: { description: 'Two-letter country code, e.g. US.' } },
    ],
  },
  { name: 'conditions', type: 'array', fields: [{ name: 'name', type: 'text', required: true, maxLength: 200 }] },
  {
    name: 'allergies',
    type: 'array',
    fields: [
      { name: 'substance', type: 'text', required: true, maxLength: 200 },
      { name: 'reaction', type: 'text', maxLength: 200 },
    ],
  },
  {
    name: 'medications',
    label: 'Current medications',
    type: 'array',
    fields: [
      { name: 'name', type: 'text', required: true, maxLength: 200 },
      { name: 'dose', type: 'text', maxLength: 100 },
    ],
  },
  {
    name: 'emergencyContact',
    type: 'group',
    fields: [
      { name: 'name', type: 'text', maxLength: 120 },
      { name: 'relationship', type: 'text', maxLength: 60 },
      { name: 'phone', type: 'text', maxLength: 32 },
    ],
  },
  { name: 'preferredPharmacy', type: 'text', maxLength: 200 },
]
