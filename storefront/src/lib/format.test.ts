import { describe, expect, it } from 'vitest'
import { dateTimeLabel, dayLabel, dayOf, formatMoney, isTimeZone, timeLabel, zoneLabel, zoneName } from './format.ts'

describe('dates and times for people', () => {
  it("labels an instant in each person's own zone, also across a daylight-saving change, and the same way every time", () => {
    const springForward = '2026-03-08T07:30:00Z'
    expect(dateTimeLabel(springForward, 'America/New_York')).toBe('Sun, 8 Mar 2026, 03:30')
    expect(dateTimeLabel(springForward, 'Europe/London')).toBe('Sun, 8 Mar 2026, 07:30')
    expect(dateTimeLabel(springForward, 'America/New_York')).toBe('Sun, 8 Mar 2026, 03:30')
    expect(timeLabel(Date.parse(springForward), 'Asia/Kolkata')).toBe('13:00')
    expect(dayOf(springForward, 'Pacific/Chatham')).toBe('2026-03-08')
    expect(dayOf('2026-03-08T12:00:00Z', 'Pacific/Chatham')).toBe('2026-03-09')
  })

  it("writes dates the way the clinic's country does, the same instant in the same zone", () => {
    const afternoon = '2026-12-01T19:30:00Z'
    expect(dateTimeLabel(afternoon, 'America/New_York', 'en-US')).toBe('Tue, Dec 1, 2026, 2:30 PM')
    expect(dateTimeLabel(afternoon, 'America/New_York', 'en-GB')).toBe('Tue, 1 Dec 2026, 14:30')
    expect(timeLabel(afternoon, 'Asia/Kolkata', 'en-IN')).toMatch(/^1:00\sam$/)
    expect(timeLabel('2026-12-01T09:05:00Z', 'UTC', 'en-US')).toBe('9:05 AM')
    expect(timeLabel('2026-12-01T09:05:00Z', 'UTC', 'en-GB')).toBe('09:05')
    expect(dayLabel(afternoon, 'America/New_York', 'en-US')).toBe('Tue, Dec 1')
    // A locale the runtime does not know writes the default format rather than failing the page.
    expect(dateTimeLabel(afternoon, 'UTC', 'xx-not-a-locale-$$')).toBe(dateTimeLabel(afternoon, 'UTC'))
  })

  it('accepts only real IANA zones, however often it is asked', () => {
    for (let i = 0; i < 2; i++) {
      expect(isTimeZone('Australia/Lord_Howe')).toBe(true)
      expect(isTimeZone('Mars/Olympus_Mons')).toBe(false)
      expect(isTimeZone('')).toBe(false)
      expect(isTimeZone(42)).toBe(false)
    }
  })

  it('names zones as people do ("New York time"), with the exact zone for a tooltip', () => {
    expect(zoneName('America/New_York')).toBe('New York time')
    expect(zoneName('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time')
    expect(zoneName('Asia/Kolkata')).toBe('Kolkata time')
    expect(zoneName('UTC')).toBe('UTC')
    expect(zoneName('Etc/GMT+5')).toBe('Etc/GMT+5')
    expect(zoneLabel('America/New_York', Date.parse('2026-01-15T12:00:00Z'))).toBe('America/New_York, EST')
  })
})

describe('money for people', () => {
  /** What Intl itself writes for an amount in the main unit: its spacing (a no-break space before KWD's digits) varies by runtime. */
  const intl = (major: number, currency: string, locale: string) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(major)

  it("reads minor units by the currency's own decimals: cents, yen without any, dinars with three", () => {
    expect(formatMoney(4500, 'USD', 'en-US')).toBe('$45.00')
    expect(formatMoney(4500, 'JPY', 'en-US')).toBe('¥4,500')
    expect(formatMoney(12345, 'KWD', 'en-US')).toBe(intl(12.345, 'KWD', 'en-US'))
    expect(formatMoney(12345, 'KWD', 'en-US')).toMatch(/^KWD\s12\.345$/)
    expect(formatMoney(5, 'USD', 'en-US')).toBe('$0.05')
    expect(formatMoney(0, 'EUR', 'en-US')).toBe(intl(0, 'EUR', 'en-US'))
  })

  it("writes them the way the clinic's country does, the same way every time", () => {
    for (let i = 0; i < 2; i++) {
      expect(formatMoney(4500, 'USD', 'en-GB')).toBe(intl(45, 'USD', 'en-GB'))
      expect(formatMoney(123456, 'EUR', 'de-DE')).toBe(intl(1234.56, 'EUR', 'de-DE'))
    }
    // Without a locale: the default (en-GB) format, as the dates; an unknown locale writes it too.
    expect(formatMoney(4500, 'USD')).toBe(intl(45, 'USD', 'en-GB'))
    expect(formatMoney(4500, 'USD', 'xx-not-a-locale-$$')).toBe(formatMoney(4500, 'USD'))
    // The symbol the clinic's patients write, as on the doctor's page: $45.00, not US$45.00.
    expect(formatMoney(4500, 'USD', 'en-GB')).toBe('$45.00')
  })
})
