import { existsSync } from 'node:fs'
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

export const validateDomain = (value: unknown) =>
  typeof value === 'string' && /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(value)
    ? true
    : 'Enter a host name in lower case without scheme or port, e.g. care.example.com.'

export const validateThemeSlug = (value: unknown) =>
  typeof value === 'string' && /^[a-z0-9-]+$/.test(value) && existsSync(`${themesDir}/${value}/theme.json`)
    ? true
    : `There is no theme "${String(value)}" in themes/.`

export const validateHexColor = (value: unknown) =>
  value === null || value === undefined || value === '' || (typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value))
    ? true
    : 'Use a colour such as #0f766e (a # and six hexadecimal digits).'
