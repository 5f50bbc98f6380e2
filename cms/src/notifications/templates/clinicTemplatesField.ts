import type { ArrayField, Validate } from 'payload'
import { checkTemplate } from './checkTemplate.ts'
import { COMMON_VALUES, EVENT_VALUES, NOTIFICATION_EVENTS, TEMPLATE_PARTS } from './events.ts'

/** Longest template source a clinic may save. */
export const MAX_TEMPLATE_SOURCE_LENGTH = 20_000

/** The textarea's check: the template must compile (see checkTemplate), else "Line N: why". */
export const validateTemplateSource: Validate<string | null | undefined> = (value) => {
  if (typeof value !== 'string' || !value.trim()) return 'Write the template, or remove this row.'
  if (value.length > MAX_TEMPLATE_SOURCE_LENGTH) return `A template is at most ${MAX_TEMPLATE_SOURCE_LENGTH} characters.`
  const check = checkTemplate(value)
  return check.ok ? true : `Line ${check.line}: ${check.message}`
}

type Row = { event?: unknown; part?: unknown }

/** The array's check: one row per event and part, so it is clear which one is sent. */
export const validateOneRowPerPart: Validate<Row[] | null | undefined> = (rows) => {
  const seen = new Set<string>()
  for (const row of rows ?? []) {
    const key = `${String(row?.event)} ${String(row?.part)}`
    if (row?.event && row?.part && seen.has(key)) return `There are two rows for ${key}: keep one.`
    seen.add(key)
  }
  return true
}

const valueList = Object.entries(EVENT_VALUES)
  .filter(([, names]) => names.length > 0)
  .map(([event, names]) => `${event}: ${names.join(', ')}`)
  .join('; ')

/**
 * A clinic's own versions of its notification templates (the `overrides` of
 * renderNotification): one row per event and part, the source checked on save.
 * Not part of any collection yet: add it to the clinic's fields where it belongs.
 */
export const clinicTemplatesField: ArrayField = {
  name: 'templates',
  type: 'array',
  label: 'Notification templates',
  labels: { singular: 'Template', plural: 'Templates' },
  validate: validateOneRowPerPart as ArrayField['validate'],
  admin: {
    description:
      `Your own wording for a message, replacing the theme's. Write Handlebars: {{name}} inserts a value, {{#if name}}…{{/if}} shows text only when it has one, ` +
      `{{button link "Label"}} draws the email button. The html part is the email's body only (the layout with your logo, colour and footer is added); the other parts are plain text. ` +
      `Every message can use ${COMMON_VALUES.join(', ')}; besides, ${valueList}. ` +
      'Values are escaped in HTML. Messages must not carry medical details (reason, diagnosis, medication, document titles): link to them instead.',
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'event', type: 'select', required: true, options: [...NOTIFICATION_EVENTS], admin: { width: '50%' } },
        { name: 'part', type: 'select', required: true, options: [...TEMPLATE_PARTS], admin: { width: '50%' } },
      ],
    },
    { name: 'source', type: 'textarea', required: true, maxLength: MAX_TEMPLATE_SOURCE_LENGTH, validate: validateTemplateSource },
  ],
}
