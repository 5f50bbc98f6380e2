import { formatMoney, minorDigits, toMinor } from '../../payments/money.ts'

/** Each status of a payment as clinic staff read it in the admin panel (the stored values stay short). */
export const PAYMENT_STATUS_LABELS = {
  open: 'Open (payment page)',
  due: 'Due at the clinic',
  paid: 'Paid',
  'partially-refunded': 'Partially refunded',
  refunded: 'Refunded',
  expired: 'Expired',
  failed: 'Failed',
  cancelled: 'Cancelled',
} as const

export type PaymentStatusName = keyof typeof PAYMENT_STATUS_LABELS

/** Minor units as money of `currency` ("$22.50", "¥4,500", "KWD 12.345"); the bare number when the currency is unknown. */
export function moneyOrNumber(minor: unknown, currency: unknown): string {
  if (typeof minor !== 'number' || !Number.isFinite(minor)) return ''
  try {
    return formatMoney(minor, typeof currency === 'string' && currency ? currency : 'USD')
  } catch {
    return String(minor)
  }
}

/** Minor units as typed in the currency's main unit, without a symbol: 2250 USD → "22.50", 4500 JPY → "4500", 12345 KWD → "12.345". */
export const asMajorText = (minor: number, currency: string) => {
  const digits = minorDigits(currency)
  return (minor / 10 ** digits).toFixed(digits)
}

/**
 * An amount typed in the currency's main unit ("22.50", "22.5", "22") in minor
 * units, or why not: never more decimals than the currency has (yen have none,
 * dinars three), never a negative or a zero.
 */
export function parseMajor(typed: string, currency: string): { minor: number } | { problem: string } {
  const text = typed.trim()
  const digits = minorDigits(currency)
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text)
  if (!match) return { problem: `Type an amount in ${currency}, such as ${asMajorText(2250 * 10 ** Math.max(0, digits - 2), currency)}.` }
  if ((match[2] ?? '').length > digits)
    return { problem: digits === 0 ? `${currency} has no decimals.` : `${currency} has at most ${digits} decimals.` }
  const minor = toMinor(Number(text.endsWith('.') ? text.slice(0, -1) : text), currency)
  if (!Number.isSafeInteger(minor) || minor < 1) return { problem: 'Refund more than nothing.' }
  return { minor }
}

/** Badge colours by status: a text colour on a light tint, each pair above 4.5:1 (as the visits' badges). */
export const PAYMENT_STATUS_TONES: Record<PaymentStatusName, { color: string; background: string }> = {
  open: { color: '#374151', background: '#f3f4f6' },
  due: { color: '#92400e', background: '#fef3c7' },
  paid: { color: '#065f46', background: '#d1fae5' },
  'partially-refunded': { color: '#1e40af', background: '#dbeafe' },
  refunded: { color: '#6b21a8', background: '#f3e8ff' },
  expired: { color: '#374151', background: '#f3f4f6' },
  failed: { color: '#991b1b', background: '#fee2e2' },
  cancelled: { color: '#991b1b', background: '#fee2e2' },
}

/** A plain input drawn as the panel's own fields are (its colours and radius, light or dark theme). */
export const INPUT_STYLE = {
  boxSizing: 'border-box',
  width: '100%',
  height: '2.5rem',
  padding: '0 0.75rem',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-s, 4px)',
  background: 'var(--theme-input-bg, var(--theme-elevation-0))',
  color: 'var(--theme-elevation-800)',
  font: 'inherit',
} as const

/** Who took the money, in words: "desk" is the clinic's own counter. */
export const providerWords = (provider: string) =>
  provider === 'desk' ? 'At the clinic' : provider === 'stripe' ? 'Through Stripe' : `Through ${provider}`
