import { describe, expect, it } from 'vitest'
import type { Availability } from './computeSlots.ts'
import { visitsOutsideHours } from './outsideHours.ts'

const at = (s: string) => Date.parse(s)
const visit = (start: string, minutes = 30) => ({ id: start, start: at(start), end: at(start) + minutes * 60_000 })
const london: Availability = {
  timeZone: 'Europe/London',
  visitMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  bookingHorizonDays: 90,
  dailyMaximum: null,
  weekly: [{ day: 1, start: '09:00', end: '12:00' }],
  overrides: [{ date: '2026-07-13', dayOff: true }],
  timeOff: [{ start: at('2026-07-20T00:00:00Z'), end: at('2026-07-21T00:00:00Z') }],
}

describe(`visitsOutsideHours (process TZ=${process.env.TZ ?? 'unset'})`, () => {
  it("lists the visits that new hours no longer cover, in the doctor's own zone", () => {
    const visits = [
      visit('2026-07-06T08:00:00Z'), // Monday 09:00 BST: inside
      visit('2026-07-06T10:45:00Z'), // 11:45–12:15 BST: runs past noon
      visit('2026-07-07T08:00:00Z'), // Tuesday: no hours
      visit('2026-07-13T08:00:00Z'), // Monday, but a day off
      visit('2026-07-20T08:00:00Z'), // Monday, during time off
      visit('2026-12-07T09:00:00Z'), // Monday 09:00 GMT in winter: inside
    ]
    expect(visitsOutsideHours(london, visits).map((v) => v.id)).toEqual([
      '2026-07-06T10:45:00Z',
      '2026-07-07T08:00:00Z',
      '2026-07-13T08:00:00Z',
      '2026-07-20T08:00:00Z',
    ])
  })
})
