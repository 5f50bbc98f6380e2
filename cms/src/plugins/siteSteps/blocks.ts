import type { SiteAction, SiteBlock, SiteFormField } from '@telemed/plugin-sdk'

/** Bounds of what a plugin's block may hold: a page of the site, not a document. */
export const LIMITS = {
  heading: 200,
  paragraph: 4000,
  paragraphs: 20,
  label: 200,
  actions: 5,
  fields: 20,
  options: 50,
  submitLabel: 60,
  error: 500,
  url: 2000,
} as const

/** A form field's name: also the key of its value in a submit. */
export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/

/** Why a block was refused, in words for the plugin's developer (logged, never shown to patients). */
export class InvalidBlock extends Error {}

const fail = (message: string): never => {
  throw new InvalidBlock(message)
}

/**
 * Plain text: the site shows a plugin's text as typed, never as HTML. Text that
 * looks like markup is refused here, so its author learns it at once rather
 * than patients reading `<b>` on the page. Control characters are refused too
 * (line breaks are paragraphs: one string each).
 */
function plainText(value: unknown, what: string, max: number, optional = false): string {
  if (value === undefined && optional) return ''
  if (typeof value !== 'string') return fail(`${what} must be a string.`)
  if (value.length > max) return fail(`${what} is longer than ${max} characters.`)
  if (/[\u0000-\u001f\u007f]/.test(value))
    return fail(`${what} holds a control character or line break; give each paragraph its own string.`)
  if (/<\/?[A-Za-z!?]/.test(value)) return fail(`${what} looks like HTML; the site shows plain text only.`)
  return value
}

const nonEmpty = (value: string, what: string) => (value.trim() ? value : fail(`${what} is empty.`))

/**
 * Where a plugin may send the patient (a redirect or a panel's link): an https
 * address, an address on the clinic's own site (`site`, its origin and any base
 * path, which may be plain http on a local demo), or a path of the site
 * (`/appointments/42`). Never `javascript:`, `data:` or plain http elsewhere,
 * nor an address that carries a user name or password.
 */
export function safeLink(value: unknown, what: string, site: string): string {
  if (typeof value !== 'string' || !value) return fail(`${what} must be a non-empty string.`)
  if (value.length > LIMITS.url) return fail(`${what} is longer than ${LIMITS.url} characters.`)
  if (value.startsWith('/')) {
    if (value.startsWith('//') || value.includes('\\') || !/^\/[\x21-\x7e]*$/.test(value))
      return fail(`${what} is not a plain path of the clinic's site (such as /appointments/42).`)
    return value
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return fail(`${what} is neither an https address nor a path of the clinic's site.`)
  }
  if (url.username || url.password) return fail(`${what} carries a user name or password.`)
  if (url.protocol === 'https:') return url.href
  const own = new URL(site)
  const ownPrefix = own.href.endsWith('/') ? own.href : `${own.href}/`
  if (url.origin === own.origin && (url.href + '/').startsWith(ownPrefix)) return url.href
  return fail(`${what} must be an https address (or the clinic's own site); ${url.protocol} is refused.`)
}

function action(value: unknown, i: number, site: string): SiteAction {
  const a = (value ?? {}) as Record<string, unknown>
  return {
    label: nonEmpty(plainText(a.label, `actions[${i}].label`, LIMITS.label), `actions[${i}].label`),
    href: safeLink(a.href, `actions[${i}].href`, site),
  }
}

function field(value: unknown, i: number): SiteFormField {
  const f = (value ?? {}) as Record<string, unknown>
  const what = `fields[${i}]`
  const name =
    typeof f.name === 'string' && FIELD_NAME.test(f.name)
      ? f.name
      : fail(`${what}.name must be letters, digits, - or _ (at most 64), starting with a letter.`)
  const label = nonEmpty(plainText(f.label, `${what}.label`, LIMITS.label), `${what}.label`)
  const required =
    f.required === undefined
      ? undefined
      : f.required === true
        ? true
        : f.required === false
          ? false
          : fail(`${what}.required must be true or false.`)
  switch (f.type) {
    case 'text':
    case 'textarea':
      return { name, label, type: f.type, ...(required !== undefined ? { required } : {}) }
    case 'checkbox':
      return { name, label, type: 'checkbox' }
    case 'select': {
      if (!Array.isArray(f.options) || f.options.length === 0 || f.options.length > LIMITS.options)
        return fail(`${what}.options must list 1 to ${LIMITS.options} choices.`)
      const options = f.options.map((o: unknown, j: number) => {
        const option = (o ?? {}) as Record<string, unknown>
        return {
          label: nonEmpty(plainText(option.label, `${what}.options[${j}].label`, LIMITS.label), `${what}.options[${j}].label`),
          value: plainText(option.value, `${what}.options[${j}].value`, LIMITS.label),
        }
      })
      return { name, label, type: 'select', options, ...(required !== undefined ? { required } : {}) }
    }
    default:
      return fail(`${what}.type must be text, textarea, checkbox or select.`)
  }
}

function paragraphs(value: unknown): string[] {
  if (!Array.isArray(value)) return fail('text must be an array of paragraphs (strings).')
  if (value.length > LIMITS.paragraphs) return fail(`text has more than ${LIMITS.paragraphs} paragraphs.`)
  return value.map((p, i) => plainText(p, `text[${i}]`, LIMITS.paragraph))
}

/**
 * A plugin's block checked and rebuilt from its known parts (anything else it
 * carried is dropped): what the site receives. Throws InvalidBlock with the
 * rule it broke. `site` is the clinic's own site address (see safeLink).
 */
export function checkedBlock(value: unknown, site: string): SiteBlock {
  const block = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>
  switch (block.kind) {
    case 'done':
      return { kind: 'done' }
    case 'redirect':
      return { kind: 'redirect', url: safeLink(block.url, 'url', site) }
    case 'panel': {
      const actions =
        block.actions === undefined ? undefined : Array.isArray(block.actions) ? block.actions : fail('actions must be an array.')
      if (actions && actions.length > LIMITS.actions) fail(`a panel has at most ${LIMITS.actions} actions.`)
      return {
        kind: 'panel',
        heading: nonEmpty(plainText(block.heading, 'heading', LIMITS.heading), 'heading'),
        text: paragraphs(block.text),
        ...(actions ? { actions: actions.map((a, i) => action(a, i, site)) } : {}),
      }
    }
    case 'form': {
      if (!Array.isArray(block.fields) || block.fields.length === 0 || block.fields.length > LIMITS.fields)
        return fail(`a form has 1 to ${LIMITS.fields} fields.`)
      const fields = block.fields.map(field)
      const names = fields.map((f) => f.name)
      const twice = names.find((n, i) => names.indexOf(n) !== i)
      if (twice) fail(`two fields are named ${twice}.`)
      const error = plainText(block.error, 'error', LIMITS.error, true)
      return {
        kind: 'form',
        heading: nonEmpty(plainText(block.heading, 'heading', LIMITS.heading), 'heading'),
        text: paragraphs(block.text),
        fields,
        submitLabel: nonEmpty(plainText(block.submitLabel, 'submitLabel', LIMITS.submitLabel), 'submitLabel'),
        ...(error ? { error } : {}),
      }
    }
    default:
      return fail('kind must be panel, form, redirect or done.')
  }
}
