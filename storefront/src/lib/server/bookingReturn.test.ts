import { describe, expect, it } from 'vitest'
import { bookingPath, bookingReturn, dayOrNull, instantOf } from './bookingReturn.ts'

describe('the chosen time in a return address', () => {
  it('carries the doctor, the day and the time', () => {
    const path = bookingPath('4', '2026-12-03', '2026-12-03T10:00:00.000Z')
    expect(path).toBe('/doctors/4?day=2026-12-03&start=2026-12-03T10%3A00%3A00.000Z#book-title')
    expect(bookingReturn(path)).toEqual({ doctor: '4', day: '2026-12-03', start: '2026-12-03T10:00:00.000Z' })
  })

  it('reads instants with an offset as UTC, and drops anything else', () => {
    expect(instantOf('2026-12-03T11:00+01:00')).toBe('2026-12-03T10:00:00.000Z')
    for (const bad of ['', 'tomorrow', '2026-12-03', '2026-13-03T10:00:00Z', '2026-12-03T10:00:00', '1e12', '2026-12-03T10:00:00Z<script>'])
      expect(instantOf(bad)).toBeNull()
    expect(dayOrNull('2026-02-30')).toBeNull()
    expect(dayOrNull('2026-12-03')).toBe('2026-12-03')
  })

  it('leaves out what is not well formed', () => {
    expect(bookingPath('4', 'monday', 'soon')).toBe('/doctors/4#book-title')
    expect(bookingReturn('/doctors/4?day=2026-12-03')).toBeNull()
    expect(bookingReturn('/doctors/abc?start=2026-12-03T10:00:00Z')).toBeNull()
    expect(bookingReturn('/appointments?start=2026-12-03T10:00:00Z')).toBeNull()
    expect(bookingReturn('/doctors/4?day=x&start=2026-12-03T10:00:00Z')).toEqual({
      doctor: '4',
      day: null,
      start: '2026-12-03T10:00:00.000Z',
    })
  })
})
