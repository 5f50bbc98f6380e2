import { dictionary } from '@zxcvbn-ts/language-common'

/** Staff accounts open every patient of a clinic: their passwords are longer. */
export const MIN_PASSWORD_LENGTH = { patient: 8, staff: 12 } as const
const MAX_PASSWORD_LENGTH = 256

/** The 49,000 passwords most often found in breaches (zxcvbn-ts's list), compared without case. */
const COMMON = new Set(dictionary['passwords-common'])

/**
 * Why `password` is not good enough for an account of `role`, as a sentence to
 * show next to the field; null when it is. Used by registration, password
 * changes and resets alike, so the API refuses what the site refuses.
 */
export function passwordProblem(password: unknown, role: string | null | undefined, email?: string | null): string | null {
  if (typeof password !== 'string') return 'Choose a password.'
  const min = role && role !== 'patient' ? MIN_PASSWORD_LENGTH.staff : MIN_PASSWORD_LENGTH.patient
  if (password.length < min)
    return `Use at least ${min} characters${min > MIN_PASSWORD_LENGTH.patient ? ' (staff accounts open patients’ records)' : ''}.`
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`
  const lower = password.toLowerCase()
  if (COMMON.has(lower) || COMMON.has(lower.replace(/[\d!@#$%^&*.?]+$/, '')))
    return 'This password is among the most common ones and easy to guess. Choose another, e.g. three or four unrelated words.'
  if (email && lower === email.trim().toLowerCase()) return 'Do not use your email address as your password.'
  return null
}
