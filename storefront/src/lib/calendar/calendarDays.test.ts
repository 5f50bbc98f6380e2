import { describe, expect, it } from 'vitest'
import { addDays, daysShown, instantRange, parseDate, parseView, stepDate, todayIn } from './calendarDays.ts'

const HOUR = 3_600_000

describe('parseDate', () => {
  it('reads real dates only', () => {
    expect(parseDate('2026-03-02')).toBe('2026-03-02')
    expect(parseDate('2024-02-29')).toBe('2024-02-29')
    for (const bad of ['2026-02-30', '2026-13-01', '2026-3-2', '02/03/2026', '', null, '2026-03-02T00:00', '0000-01-01', '9999-12-31'])
      expect(parseDate(bad)).toBeNull()
  })
})

describe('parseView', () => {
  it('is the week unless the day is asked for', () => {
    expect([parseView('day'), parseView('week'), parseView(null), parseView('month')]).toEqual(['day', 'week', 'week', 'week'])
  })
})

describe('days shown', () => {
  it('is the week from Monday to Sunday around any of its days', () => {
    const week = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']
    for (const day of week) expect(daysShown('week', day)).toEqual(week)
    expect(daysShown('day', '2026-03-08')).toEqual(['2026-03-08'])
  })

  it('steps by a day or a week, across months and years', () => {
    expect(stepDate('day', '2026-12-31', 1)).toBe('2027-01-01')
    expect(stepDate('week', '2026-03-04', -1)).toBe('2026-02-25')
    expect(stepDate('week', '2024-02-26', 1)).toBe('2024-03-04')
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09')
  })
})

describe('today', () => {
  it("is the date on the doctor's clock, not the server's", () => {
    const instant = Date.parse('2026-03-02T03:30:00Z')
    expect(todayIn(instant, 'America/New_York')).toBe('2026-03-01')
    expect(todayIn(instant, 'Asia/Kolkata')).toBe('2026-03-02')
    expect(todayIn(instant, 'Pacific/Chatham')).toBe('2026-03-02')
  })
})

describe('the instants a view covers', () => {
  it('is midnight to midnight on the doctor’s clock', () => {
    expect(instantRange(['2026-01-12'], 'Asia/Kolkata')).toEqual({
      from: Date.parse('2026-01-11T18:30:00Z'),
      to: Date.parse('2026-01-12T18:30:00Z'),
    })
  })

  it('is an hour short the week New York springs forward, and an hour long the week it falls back', () => {
    const spring = instantRange(daysShown('week', '2026-03-05'), 'America/New_York')
    expect(spring).toEqual({ from: Date.parse('2026-03-02T05:00:00Z'), to: Date.parse('2026-03-09T04:00:00Z') })
    expect(spring.to - spring.from).toBe(167 * HOUR)
    const autumn = instantRange(daysShown('week', '2026-10-28'), 'America/New_York')
    expect(autumn.to - autumn.from).toBe(169 * HOUR)
  })

  it('covers London’s spring-forward day as 23 hours', () => {
    const day = instantRange(['2026-03-29'], 'Europe/London')
    expect(day.to - day.from).toBe(23 * HOUR)
  })
})
