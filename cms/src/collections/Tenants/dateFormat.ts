import type { Field } from 'payload'

/**
 * How the clinic's site writes dates and times: a locale, so "Tue, Dec 1, 2026,
 * 2:30 PM" for a US clinic and "Tue, 1 Dec 2026, 14:30" for a British one. The
 * site's words are English, so only English locales are offered; the example in
 * each label is what patients will read.
 */
export const DATE_LOCALES = [
  { value: 'en-US', label: 'United States: Tue, Dec 1, 2026, 2:30 PM' },
  { value: 'en-GB', label: 'United Kingdom: Tue, 1 Dec 2026, 14:30' },
  { value: 'en-IE', label: 'Ireland: Tue 1 Dec 2026, 14:30' },
  { value: 'en-CA', label: 'Canada: Tue, Dec 1, 2026, 2:30 p.m.' },
  { value: 'en-AU', label: 'Australia: Tue, 1 Dec 2026, 2:30 pm' },
  { value: 'en-NZ', label: 'New Zealand: Tue, 1 Dec 2026, 2:30 pm' },
  { value: 'en-IN', label: 'India: Tue, 1 Dec, 2026, 2:30 pm' },
  { value: 'en-ZA', label: 'South Africa: Tue, 01 Dec 2026, 14:30' },
] as const

export const dateLocaleField: Field = {
  name: 'locale',
  label: 'Date and time format',
  type: 'select',
  required: true,
  defaultValue: 'en-GB',
  options: DATE_LOCALES.map(({ value, label }) => ({ value, label })),
  admin: { description: 'How the clinic’s site writes dates and times, in the clinic’s and in each visitor’s time zone.' },
}
