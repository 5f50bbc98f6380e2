/**
 * Money in integer minor units (cents; yen have none, Kuwaiti dinars three), as
 * payments store it and providers take it: never a float that drifts.
 */

/** Digits after the decimal point in `currency` (USD 2, JPY 0, KWD 3), as ISO 4217 and Intl say. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

/** A price typed in the currency's main unit (45.5 dollars) in minor units (4550 cents). */
export const toMinor = (major: number, currency: string): number => Math.round(major * 10 ** minorDigits(currency))

/** Minor units as the patient reads them: 4500 USD → "$45.00", 4500 JPY → "¥4,500", 12345 KWD → "KWD 12.345". */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  const digits = minorDigits(currency)
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits }).format(minor / 10 ** digits)
}
