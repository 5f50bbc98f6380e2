import { describe, expect, it } from 'vitest'
import { hoursShown, minuteOn, placeVisits, timeOffSpans, workingSpans, type WorkingHours } from './calendarLayout.ts'

const NY = 'America/New_York'
const visit = (id: string, start: string, minutes = 30) => ({
  id,
  start: new Date(Date.parse(start)).toISOString(),
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
})

describe('a visit’s place in its day', () => {
  it('is drawn at 09:00 on both sides of New York’s spring-forward and fall-back', () => {
    // Friday 6 March (EST, UTC-5) and Sunday 8 March (EDT, UTC-4), 09:00 on the doctor's clock.
    expect(minuteOn('2026-03-06', Date.parse('2026-03-06T14:00:00Z'), NY)).toBe(540)
    expect(minuteOn('2026-03-08', Date.parse('2026-03-08T13:00:00Z'), NY)).toBe(540)
    // Sunday 1 November falls back: 09:00 EST is 14:00 UTC, the Friday before 09:00 EDT is 13:00 UTC.
    expect(minuteOn('2026-10-30', Date.parse('2026-10-30T13:00:00Z'), NY)).toBe(540)
    expect(minuteOn('2026-11-01', Date.parse('2026-11-01T14:00:00Z'), NY)).toBe(540)
  })

  it('is clipped to the day it is drawn on', () => {
    expect(minuteOn('2026-03-06', Date.parse('2026-03-06T04:00:00Z'), NY)).toBe(0)
    expect(minuteOn('2026-03-06', Date.parse('2026-03-07T06:00:00Z'), NY)).toBe(24 * 60)
  })

  it('puts overlapping visits side by side, and others full width', () => {
    const placed = placeVisits(
      '2026-03-06',
      [visit('a', '2026-03-06T14:00:00Z', 60), visit('b', '2026-03-06T14:30:00Z'), visit('c', '2026-03-06T16:00:00Z'), visit('d', '2026-03-06T14:10:00Z', 10)],
      NY,
    )
    const byId = Object.fromEntries(placed.map((p) => [p.id, [p.top, p.length, p.lane, p.lanes]]))
    expect(byId).toEqual({
      a: [540, 60, 0, 2],
      d: [550, 20, 1, 2], // ten minutes, drawn twenty tall to stay readable
      b: [570, 30, 1, 2],
      c: [660, 30, 0, 1],
    })
  })

  it('leaves out visits of other days', () => {
    expect(placeVisits('2026-03-06', [visit('x', '2026-03-07T14:00:00Z')], NY)).toEqual([])
  })
})

describe('working hours', () => {
  const hours: WorkingHours = {
    weeklyHours: [
      { day: '1', start: '09:00', end: '12:00' },
      { day: '1', start: '13:00', end: '17:00' },
      { day: '0', start: '10:00', end: '12:00' },
    ],
    dateOverrides: [
      { date: '2026-03-09', dayOff: false, ranges: [{ start: '07:30', end: '10:00' }] },
      { date: '2026-03-16', dayOff: true, ranges: [] },
    ],
    timeOff: [{ from: '2026-03-23T14:00:00.000Z', to: '2026-03-23T15:00:00.000Z', note: 'Dentist' }],
  }

  it('are the weekday’s, the date’s own, or none on a day off', () => {
    expect(workingSpans('2026-03-02', hours, NY)).toEqual([
      { from: 540, to: 720 },
      { from: 780, to: 1020 },
    ])
    expect(workingSpans('2026-03-08', hours, NY)).toEqual([{ from: 600, to: 720 }])
    expect(workingSpans('2026-03-03', hours, NY)).toEqual([])
    expect(workingSpans('2026-03-09', hours, NY)).toEqual([{ from: 450, to: 600 }])
    expect(workingSpans('2026-03-16', hours, NY)).toEqual([])
  })

  it('leave out time off, on the doctor’s clock', () => {
    // 14:00–15:00 UTC on Monday 23 March is 10:00–11:00 in New York (EDT).
    expect(timeOffSpans('2026-03-23', hours, NY)).toEqual([{ from: 600, to: 660 }])
    expect(workingSpans('2026-03-23', hours, NY)).toEqual([
      { from: 540, to: 600 },
      { from: 660, to: 720 },
      { from: 780, to: 1020 },
    ])
  })

  it('decide the hours shown, never fewer than 08:00–18:00', () => {
    expect(hoursShown([])).toEqual({ first: 8, last: 18 })
    expect(hoursShown([{ from: 450, to: 600 }, { from: 1200, to: 1290 }])).toEqual({ first: 7, last: 22 })
  })
})
