import { describe, expect, it } from 'vitest'
import { formatWhen } from './index.ts'

describe('formatWhen', () => {
  it('writes the time in the recipient zone, with the zone named', () => {
    expect(formatWhen('2026-12-03T14:30:00Z', 'Europe/Madrid')).toBe('Thursday, 3 December 2026, 15:30 (Central European Standard Time)')
    expect(formatWhen('2026-12-03T14:30:00Z', 'America/New_York')).toBe('Thursday, 3 December 2026, 09:30 (Eastern Standard Time)')
  })

  it('follows summer time and moves the date with the zone', () => {
    expect(formatWhen('2026-07-03T00:05:00Z', 'Europe/Madrid')).toBe('Friday, 3 July 2026, 02:05 (Central European Summer Time)')
    expect(formatWhen('2026-07-03T00:05:00Z', 'America/New_York')).toBe('Thursday, 2 July 2026, 20:05 (Eastern Daylight Time)')
  })

  it('refuses an unreadable time or an unknown zone rather than send a wrong time', () => {
    expect(() => formatWhen('not a date', 'UTC')).toThrow(RangeError)
    expect(() => formatWhen('2026-12-03T14:30:00Z', 'Mars/Olympus')).toThrow(RangeError)
  })
})
