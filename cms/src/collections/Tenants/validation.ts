import { existsSync } from 'node:fs'
import type { Validate, Where } from 'payload'
import { lookup } from '../../database/index.ts'
import { themesDir } from '../../paths.ts'

/** True when `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export const validateTimeZone = (value: unknown) =>
  isTimeZone(value) ? true : `"${String(value)}" is not a time zone. Use an IANA name such as Europe/London.`

const isHostName = (value: unknown): value is string =>
  typeof value === 'string' && /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(value)

/**
 * A host name, not one that already opens another clinic's site. The unique
 * index stays the guarantee, but its error names only the column ("domain"), not
 * the row, so the admin form showed a toast and no field in error; checked here,
 * the message sits under the domain that clashes (on save, and on each change after).
 */
export const validateDomain: Validate<string, { domains?: { domain?: string }[] }> = async (value, { data, id, req }) => {
  if (!isHostName(value)) return 'Enter a host name in lower case without scheme or port, e.g. care.example.com.'
  if ((data?.domains ?? []).filter((row) => row.domain === value).length > 1) return `${value} is listed twice.`
  const where: Where = { 'domains.domain': { equals: value } }
  const [other] = await lookup.all(req, 'tenants', id === undefined ? where : { and: [where, { id: { not_equals: id } }] }, { name: true })
  return other ? `${value} already opens the site of ${String(other.name)}.` : true
}

export const validateThemeSlug = (value: unknown) =>
  typeof value === 'string' && /^[a-z0-9-]+$/.test(value) && existsSync(`${themesDir}/${value}/theme.json`)
    ? true
    : `There is no theme "${String(value)}" in themes/.`
