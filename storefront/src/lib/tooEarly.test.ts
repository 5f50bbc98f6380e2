import { describe, expect, it } from 'vitest'
import { tooEarlyMessage } from './tooEarly.ts'

describe('tooEarlyMessage', () => {
  // A visit from 04:45 to 05:15 in Chicago is 05:45 in New York (the doctor's and clinic's zone).
  const start = '2026-12-02T10:45:00Z'
  const opensAt = '2026-12-02T10:30:00Z'

  it("names the opening time in the viewer's zone, the one the page shows the visit in", () => {
    const now = Date.parse('2026-12-02T09:00:00Z')
    expect(tooEarlyMessage(opensAt, start, 'America/Chicago', 'en-GB', now)).toBe(
      'Too early to join: the call opens at 04:30 (Chicago time), 15 minutes before the visit starts.',
    )
    expect(tooEarlyMessage(opensAt, start, 'Asia/Kolkata', 'en-GB', now)).toBe(
      'Too early to join: the call opens at 16:00 (Kolkata time), 15 minutes before the visit starts.',
    )
  })

  it('gives the day when the call does not open today in that zone', () => {
    // 21:00 on 1 Dec in Chicago: the call opens tomorrow there, while it is already 2 Dec in London.
    const now = Date.parse('2026-12-02T03:00:00Z')
    expect(tooEarlyMessage(opensAt, start, 'America/Chicago', 'en-GB', now)).toBe(
      'Too early to join: the call opens on Wed 2 Dec at 04:30 (Chicago time), 15 minutes before the visit starts.',
    )
    expect(tooEarlyMessage(opensAt, start, 'Europe/London', 'en-GB', now)).toBe(
      'Too early to join: the call opens at 10:30 (London time), 15 minutes before the visit starts.',
    )
  })

  it('says so when the call opens only at the start', () => {
    expect(tooEarlyMessage(start, start, 'Australia/Lord_Howe', 'en-GB', Date.parse('2026-12-01T00:00:00Z'))).toBe(
      'Too early to join: the call opens on Wed 2 Dec at 21:45 (Lord Howe time), when the visit starts.',
    )
  })
})
