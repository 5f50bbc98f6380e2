import type { Field, Validate } from 'payload'
import { parseClock } from '../../scheduling/zonedTime.ts'

/**
 * What the clinic's home page says, written by the clinic's admins and shown on the
 * site's next page load (no rebuild): the hero, visit types with prices, questions
 * and answers, opening hours (in every page's footer) and the privacy policy
 * (/privacy; /terms shows the clinic's "Consent and terms"). Public, like the rest
 * of the clinic's site settings. Anything left empty falls back to the site's own
 * copy, or the section is left out.
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

const clock: Validate = (value) =>
  typeof value === 'string' && parseClock(value) !== null ? true : 'Use 24-hour time such as 09:00 or 17:30.'

/** Closing time after opening time, said under the closing time (the field to change). */
const closesAfterOpening: Validate = (value, { siblingData }) => {
  const closes = typeof value === 'string' ? parseClock(value) : null
  if (closes === null) return 'Use 24-hour time such as 09:00 or 17:30.'
  const opens = parseClock(String((siblingData as { opens?: unknown }).opens ?? ''))
  return opens === null || closes > opens ? true : `Closes at ${value}, which is not after it opens (${(siblingData as { opens?: string }).opens}).`
}

const price: Validate = (value) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1_000_000
    ? true
    : 'Enter a price of 0 or more, in the clinic’s currency (0 shows as free).'

/** Text a person must write: empty or only spaces is refused with `message`. */
const written =
  (message: string): Validate =>
  (value) =>
    typeof value === 'string' && value.trim() ? true : message

export const homePageField: Field = {
  type: 'collapsible',
  label: 'Home page',
  admin: {
    initCollapsed: true,
    description: "What the clinic's site says to visitors. Saved changes show on the site's next page load; empty parts show the site's own words, or are left out.",
  },
  fields: [
    {
      name: 'home',
      type: 'group',
      label: false,
      fields: [
        {
          name: 'heroHeading',
          label: 'Heading',
          type: 'text',
          maxLength: 90,
          admin: { description: 'The first words on the home page, e.g. "Your family doctor, by video". Empty: a heading made from the clinic\'s name.' },
        },
        {
          name: 'heroText',
          label: 'Introduction',
          type: 'textarea',
          maxLength: 320,
          admin: { description: 'One or two sentences under the heading: who the clinic is for and what it offers.' },
        },
        {
          name: 'heroImage',
          label: 'Picture',
          type: 'upload',
          relationTo: 'media',
          // Only this clinic's images (Payload checks this on save as well as in the picker).
          filterOptions: ({ id }) => (id ? { tenant: { equals: id } } : false),
          admin: { description: 'A wide photo beside the heading (PNG, JPEG or WebP, at least 1200 px wide). Without one, a panel in the clinic’s colours.' },
        },
        {
          name: 'services',
          label: 'Visit types and prices',
          labels: { singular: 'Visit type', plural: 'Visit types' },
          type: 'array',
          maxRows: 8,
          admin: { description: 'Shown on the home page with their prices, in the clinic’s currency.' },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'name',
                  type: 'text',
                  required: true,
                  maxLength: 80,
                  validate: written('Give the visit type a name, e.g. "Video visit".'),
                  admin: { width: '50%' },
                },
                { name: 'price', type: 'number', required: true, validate: price, admin: { width: '25%' } },
                { name: 'minutes', label: 'Length (minutes)', type: 'number', min: 5, max: 240, admin: { width: '25%' } },
              ],
            },
            { name: 'description', type: 'textarea', maxLength: 240 },
          ],
        },
        {
          name: 'faq',
          label: 'Questions and answers',
          labels: { singular: 'Question', plural: 'Questions' },
          type: 'array',
          maxRows: 12,
          fields: [
            { name: 'question', type: 'text', required: true, maxLength: 160, validate: written('Write the question.') },
            { name: 'answer', type: 'textarea', required: true, maxLength: 1200, validate: written('Write the answer to this question.') },
          ],
        },
        {
          name: 'openingHours',
          label: 'Opening hours',
          labels: { singular: 'Opening hours', plural: 'Opening hours' },
          type: 'array',
          maxRows: 14,
          admin: {
            description: "When the clinic answers its phone and messages, in the clinic's time zone; shown in the footer of every page. Days not listed show as closed.",
          },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'day',
                  type: 'select',
                  required: true,
                  options: DAYS.map((label, i) => ({ label, value: String(i) })),
                  admin: { width: '34%' },
                },
                { name: 'opens', type: 'text', required: true, validate: clock, admin: { width: '33%', placeholder: '09:00' } },
                { name: 'closes', type: 'text', required: true, validate: closesAfterOpening, admin: { width: '33%', placeholder: '17:00' } },
              ],
            },
          ],
        },
        {
          name: 'privacy',
          label: 'Privacy policy',
          type: 'richText',
          admin: { description: 'Shown at /privacy on the clinic’s site, linked from every page. The terms page (/terms) shows the clinic’s "Consent and terms".' },
        },
      ],
    },
  ],
}
