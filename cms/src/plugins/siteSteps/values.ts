import type { SiteFormField } from '@telemed/plugin-sdk'

/** The longest value a patient may send in one field of a plugin's form. */
export const MAX_VALUE = 4000

export type CheckedValues = { values: Record<string, string> } | { refusal: string; field?: string }

/**
 * A form's posted values, checked against the fields the form declared, before
 * the plugin sees them: only those fields, strings of at most MAX_VALUE
 * characters, the required ones filled in, a select's value one of its choices,
 * a checkbox "on" or absent. Empty optional fields are left out. Text is kept as
 * typed (trimmed); the plugin stores or forwards it, the site never renders it as HTML.
 */
export function checkedValues(fields: readonly SiteFormField[], raw: unknown): CheckedValues {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { refusal: 'values must be an object of field names and texts, such as {"note": "…"}.' }
  const given = raw as Record<string, unknown>
  const declared = new Map(fields.map((f) => [f.name, f]))
  const unknown = Object.keys(given).find((name) => !declared.has(name))
  if (unknown !== undefined) return { refusal: `This form has no field "${unknown.slice(0, 64)}".`, field: unknown.slice(0, 64) }
  const values: Record<string, string> = {}
  for (const field of fields) {
    const value = given[field.name]
    if (value !== undefined && typeof value !== 'string') return { refusal: `${field.label}: send text.`, field: field.name }
    if (value !== undefined && value.length > MAX_VALUE)
      return { refusal: `${field.label}: use at most ${MAX_VALUE} characters.`, field: field.name }
    const text = value?.trim() ?? ''
    if (field.type === 'checkbox') {
      if (text && text !== 'on') return { refusal: `${field.label}: a checkbox is "on" or left out.`, field: field.name }
      if (text) values[field.name] = 'on'
      continue
    }
    if (!text) {
      if (field.required) return { refusal: `${field.label}: this is required.`, field: field.name }
      continue
    }
    if (field.type === 'select' && !field.options.some((o) => o.value === text))
      return { refusal: `${field.label}: choose one of the options.`, field: field.name }
    values[field.name] = text
  }
  return { values }
}
