/** Dates and times for people: always in a named zone, never the server's. */

/** The browser's IANA zone, set by the layout's script; read by the server to show times. */
export const ZONE_COOKIE = 'telemed-tz'

/** Zones already checked (every request of a visitor carries theirs in a cookie). */
const knownZones = new Set<string>()
export const isTimeZone = (zone: unknown): zone is string => {
  if (typeof zone !== 'string' || !zone) return false
  if (knownZones.has(zone)) return true
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
  } catch {
    return false
  }
  if (knownZones.size < 1000) knownZones.add(zone)
  return true
}

/** The clinic's date and time format (Clinics → Date and time format) when none is given. */
export const DEFAULT_LOCALE = 'en-GB'

/** Locales already checked; an unknown one falls back to the default rather than failing a page. */
const knownLocales = new Map<string, string>()
const usableLocale = (locale: string) => {
  let usable = knownLocales.get(locale)
  if (usable === undefined) {
    try {
      usable = Intl.DateTimeFormat.supportedLocalesOf(locale).length ? locale : DEFAULT_LOCALE
    } catch {
      usable = DEFAULT_LOCALE
    }
    if (knownLocales.size < 100) knownLocales.set(locale, usable)
  }
  return usable
}

/** A 24-hour locale writes 09:30; a 12-hour one 9:30 AM, not 09:30 AM. */
const hourStyle = (locale: string): '2-digit' | 'numeric' =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle?.startsWith('h2') ? '2-digit' : 'numeric'

/**
 * Building an Intl formatter costs far more than using one, and using one more
 * than remembering what it said: pages show the same few times to everyone (the
 * directory's next free slots), so labels are kept by kind, locale, zone and instant.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()
const labels = new Map<string, string>()
const MAX_LABELS = 5000
type Options = (hour: '2-digit' | 'numeric') => Intl.DateTimeFormatOptions
function label(kind: string, wantedLocale: string, options: Options, instant: string | number, zone: string) {
  const locale = usableLocale(wantedLocale)
  const key = `${kind}|${locale}|${zone}|${instant}`
  let text = labels.get(key)
  if (text === undefined) {
    const kindKey = `${kind}|${locale}|${zone}`
    let f = formatters.get(kindKey)
    if (!f) formatters.set(kindKey, (f = new Intl.DateTimeFormat(locale, { ...options(hourStyle(locale)), timeZone: zone })))
    text = f.format(new Date(instant))
    if (labels.size >= MAX_LABELS) labels.clear()
    labels.set(key, text)
  }
  return text
}

/** `2026-12-01` for an instant, as the calendar day in `zone` (for comparing days, not for reading). */
export const dayOf = (instant: string | number, zone: string) =>
  label('day', 'en-CA', () => ({ year: 'numeric', month: '2-digit', day: '2-digit' }), instant, zone)

/** `Tue 1 Dec` (en-GB), `Tue, Dec 1` (en-US) */
export const dayLabel = (instant: string | number, zone: string, locale = DEFAULT_LOCALE) =>
  label('dayLabel', locale, () => ({ weekday: 'short', day: 'numeric', month: 'short' }), instant, zone)

/** `1 Dec 2026` (en-GB), `Dec 1, 2026` (en-US): a day, for things dated rather than timed (a record, a prescription). */
export const dateLabel = (instant: string | number, zone: string, locale = DEFAULT_LOCALE) =>
  label('date', locale, () => ({ day: 'numeric', month: 'short', year: 'numeric' }), instant, zone)

/** `14:30` (en-GB), `2:30 PM` (en-US) */
export const timeLabel = (instant: string | number, zone: string, locale = DEFAULT_LOCALE) =>
  label('time', locale, (hour) => ({ hour, minute: '2-digit' }), instant, zone)

/** `Tue, 1 Dec 2026, 14:30` (en-GB), `Tue, Dec 1, 2026, 2:30 PM` (en-US) */
export const dateTimeLabel = (instant: string | number, zone: string, locale = DEFAULT_LOCALE) =>
  label(
    'dateTime',
    locale,
    (hour) => ({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour, minute: '2-digit' }),
    instant,
    zone,
  )

/**
 * `America/New_York` → `New York time`: how people name a zone (the city of its
 * IANA name). Zones without a city (`UTC`, `Etc/GMT+5`) keep their name.
 */
export const zoneName = (zone: string) => {
  const [area, ...rest] = zone.split('/')
  if (!rest.length || area === 'Etc') return zone
  return `${rest[rest.length - 1].replace(/_/g, ' ')} time`
}

/** `America/New_York` → `America/New_York, EST`: the exact zone, for a tooltip next to zoneName. */
export const zoneLabel = (zone: string, at: number = Date.now()) => {
  const short = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName')
  return short ? `${zone}, ${short.value}` : zone
}

/** Digits after the decimal point in `currency`, as ISO 4217 and Intl say: USD 2, JPY 0, KWD 3. */
const minorDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2

/** Money formatters by locale and currency (a receipt or a list writes the same few many times). */
const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>()

/**
 * An amount in the currency's minor unit (cents; yen have none, Kuwaiti dinars
 * three), as payments store it, written the clinic's way: 4500 USD → `$45.00`
 * (en-US), `US$45.00` (en-GB); 4500 JPY → `¥4,500`; 12345 KWD → `KWD 12.345`.
 * Prices typed in the main unit (a doctor's fee) are not minor units: see the doctor's page.
 */
export function formatMoney(minor: number, currency: string, locale = DEFAULT_LOCALE): string {
  const usable = usableLocale(locale)
  const key = `${usable}|${currency}`
  let money = moneyFormats.get(key)
  if (!money) {
    const digits = minorDigits(currency)
    money = {
      // The clinic's own currency as its patients write it ($45.00, ¥4,500), as on the doctor's page and the payment page: not US$ in en-GB.
      format: new Intl.NumberFormat(usable, {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
      digits,
    }
    if (moneyFormats.size < 200) moneyFormats.set(key, money)
  }
  return money.format.format(minor / 10 ** money.digits)
}
