import { describe, expect, it } from 'vitest'
import { hoursRows, zoneCity } from './openingHours.ts'

describe('hoursRows', () => {
  it('joins days with the same hours, Monday first, and says which days are closed', () => {
    const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day: String(day), opens: '08:00', closes: '19:00' }))
    expect(hoursRows([...weekdays, { day: '6', opens: '09:00', closes: '13:00' }])).toEqual([
      { days: 'Mon–Fri', hours: '08:00–19:00' },
      { days: 'Sat', hours: '09:00–13:00' },
      { days: 'Sun', hours: 'Closed' },
    ])
  })

  it('shows two ranges of one day side by side, in order', () => {
    expect(
      hoursRows([
        { day: '3', opens: '14:00', closes: '18:00' },
        { day: '3', opens: '09:00', closes: '12:00' },
      ]),
    ).toEqual([
      { days: 'Mon–Tue', hours: 'Closed' },
      { days: 'Wed', hours: '09:00–12:00, 14:00–18:00' },
      { days: 'Thu–Sun', hours: 'Closed' },
    ])
  })

  it('is empty without hours, and skips entries that are not times', () => {
    expect(hoursRows(null)).toEqual([])
    expect(hoursRows([{ day: '9', opens: '09:00', closes: '10:00' }, { day: '1', opens: '<b>', closes: '10:00' }])).toEqual([])
  })
})

describe('zoneCity', () => {
  it('names the zone by its city', () => {
    expect(zoneCity('America/New_York')).toBe('New York time')
    expect(zoneCity('UTC')).toBe('UTC time')
  })
})
