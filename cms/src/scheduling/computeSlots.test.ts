import { describe, expect, it } from 'vitest'
import { computeSlots, type Availability } from './computeSlots.ts'
import { localDateAt, zonedToUtc } from './zonedTime.ts'

const MIN = 60_000
const HOUR = 60 * MIN
const iso = (ms: number) => new Date(ms).toISOString()
const at = (s: string) => Date.parse(s)

function doctor(overrides: Partial<Availability> = {}): Availability {
  return {
    timeZone: 'UTC',
    visitMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    bookingHorizonDays: 365,
    dailyMaximum: null,
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
    overrides: [],
    timeOff: [],
    ...overrides,
  }
}

/** All slots of one local day: the query spans the whole UTC neighbourhood of that date. */
function slotsOn(date: string, a: Availability, busy: { start: number; end: number }[] = [], now = at('2026-01-01T00:00:00Z')) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const from = zonedToUtc({ year: y, month: m, day: d }, 0, a.timeZone)
  const to = zonedToUtc({ year: y, month: m, day: d + 1 }, 0, a.timeZone)
  return computeSlots({ availability: a, busy, from, to, now }).map((s) => ({ start: iso(s.start), end: iso(s.end) }))
}

const everyDay = (start: string, end: string) => [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start, end }))

describe(`computeSlots (process TZ=${process.env.TZ ?? 'unset'})`, () => {
  it("places a New York doctor's 09:00 at 14:00Z in winter and 13:00Z after the spring change", () => {
    const ny = doctor({ timeZone: 'America/New_York' })
    expect(slotsOn('2026-03-06', ny)[0]).toEqual({ start: '2026-03-06T14:00:00.000Z', end: '2026-03-06T14:30:00.000Z' })
    expect(slotsOn('2026-03-09', ny)[0]).toEqual({ start: '2026-03-09T13:00:00.000Z', end: '2026-03-09T13:30:00.000Z' })
    expect(slotsOn('2026-03-09', ny)).toHaveLength(16)
  })

  it('gives the 23-hour spring day in New York one hour less of night shift', () => {
    const night = doctor({ timeZone: 'America/New_York', weekly: everyDay('00:00', '06:00') })
    const slots = slotsOn('2026-03-08', night)
    expect(slots).toHaveLength(10)
    expect(slots[0]!.start).toBe('2026-03-08T05:00:00.000Z')
    expect(slots.at(-1)!.end).toBe('2026-03-08T10:00:00.000Z')
    // Consecutive slots are always 30 real minutes apart, across the jump.
    for (let i = 1; i < slots.length; i++) expect(Date.parse(slots[i]!.start) - Date.parse(slots[i - 1]!.start)).toBe(30 * MIN)
  })

  it('gives the 25-hour autumn day in London one hour more', () => {
    const night = doctor({ timeZone: 'Europe/London', weekly: everyDay('00:00', '04:00') })
    const slots = slotsOn('2026-10-25', night)
    expect(slots).toHaveLength(10)
    expect(slots[0]!.start).toBe('2026-10-24T23:00:00.000Z')
    expect(slots.at(-1)!.end).toBe('2026-10-25T04:00:00.000Z')
    expect(slotsOn('2026-10-26', night)).toHaveLength(8)
  })

  it('handles the half-hour zone of Kolkata', () => {
    const kolkata = doctor({ timeZone: 'Asia/Kolkata' })
    expect(slotsOn('2026-06-01', kolkata)[0]!.start).toBe('2026-06-01T03:30:00.000Z')
  })

  it('handles Lord Howe Island, whose clocks move by thirty minutes', () => {
    const lordHowe = doctor({ timeZone: 'Australia/Lord_Howe', weekly: everyDay('00:00', '06:00') })
    // First Sunday of October 2026: 02:00 becomes 02:30, a 5.5-hour range.
    expect(slotsOn('2026-10-04', lordHowe)).toHaveLength(11)
    // First Sunday of April 2026: 02:00 falls back to 01:30, a 6.5-hour range.
    expect(slotsOn('2026-04-05', lordHowe)).toHaveLength(13)
    expect(slotsOn('2026-07-01', lordHowe)[0]!.start).toBe('2026-06-30T13:30:00.000Z')
  })

  it('handles Chatham at +12:45 and +13:45', () => {
    const chatham = doctor({ timeZone: 'Pacific/Chatham' })
    expect(slotsOn('2026-12-01', chatham)[0]!.start).toBe('2026-11-30T19:15:00.000Z')
    expect(slotsOn('2026-07-01', chatham)[0]!.start).toBe('2026-06-30T20:15:00.000Z')
  })

  it('keeps instants the same for a patient in another zone, whose calendar day may differ', () => {
    const chatham = doctor({ timeZone: 'Pacific/Chatham' })
    const first = Date.parse(slotsOn('2026-12-01', chatham)[0]!.start)
    // A patient in Honolulu sees this Tuesday-morning visit on Monday afternoon.
    expect(localDateAt(first, 'Pacific/Honolulu')).toEqual({ year: 2026, month: 11, day: 30 })
    expect(localDateAt(first, 'Pacific/Chatham')).toEqual({ year: 2026, month: 12, day: 1 })
  })

  it('leaves out booked visits and their buffers', () => {
    const a = doctor({ bufferBeforeMinutes: 5, bufferAfterMinutes: 10 })
    const busy = [{ start: at('2026-06-01T10:00:00Z'), end: at('2026-06-01T10:30:00Z') }]
    const starts = slotsOn('2026-06-01', a, busy).map((s) => s.start.slice(11, 16))
    // Grid: 09:00, 09:45, 10:30, 11:15 (30 min visit + 15 min of buffers). The booked visit occupies
    // 09:55–10:40 with its buffers; 09:45 (09:40–10:25) and 10:30 (10:25–11:10) would overlap it.
    expect(starts.slice(0, 3)).toEqual(['09:00', '11:15', '12:00'])
  })

  it('respects minimum notice, booking horizon, time off and date overrides', () => {
    const now = at('2026-06-01T11:10:00Z')
    const noticed = slotsOn('2026-06-01', doctor({ minimumNoticeMinutes: 60 }), [], now)
    expect(noticed[0]!.start).toBe('2026-06-01T12:30:00.000Z')
    expect(slotsOn('2026-06-20', doctor({ bookingHorizonDays: 14 }), [], now)).toEqual([])
    const away = doctor({ timeOff: [{ start: at('2026-06-01T12:00:00Z'), end: at('2026-06-03T00:00:00Z') }] })
    expect(slotsOn('2026-06-01', away).at(-1)!.end).toBe('2026-06-01T12:00:00.000Z')
    expect(slotsOn('2026-06-02', away)).toEqual([])
    const special = doctor({
      overrides: [
        { date: '2026-06-01', dayOff: true },
        { date: '2026-06-06', ranges: [{ start: '10:00', end: '11:00' }] },
      ],
    })
    expect(slotsOn('2026-06-01', special)).toEqual([])
    expect(slotsOn('2026-06-06', special).map((s) => s.start.slice(11, 16))).toEqual(['10:00', '10:30'])
  })

  it('accepts ranges in any order, even overlapping ones, without double slots', () => {
    const messy = doctor({
      weekly: [
        { day: 1, start: '13:00', end: '14:00' },
        { day: 1, start: '09:00', end: '10:00' },
        { day: 1, start: '09:30', end: '10:30' },
      ],
    })
    const busy = [{ start: at('2026-06-01T09:30:00Z'), end: at('2026-06-01T10:00:00Z') }]
    expect(slotsOn('2026-06-01', messy, busy).map((s) => s.start.slice(11, 16))).toEqual(['09:00', '10:00', '13:00', '13:30'])
  })

  it('closes a day once its daily maximum is booked', () => {
    const a = doctor({ dailyMaximum: 2 })
    const one = [{ start: at('2026-06-01T09:00:00Z'), end: at('2026-06-01T09:30:00Z') }]
    expect(slotsOn('2026-06-01', a, one).length).toBeGreaterThan(0)
    const two = [...one, { start: at('2026-06-01T15:00:00Z'), end: at('2026-06-01T15:30:00Z') }]
    expect(slotsOn('2026-06-01', a, two)).toEqual([])
  })
})

describe('zonedToUtc', () => {
  it('moves a wall time skipped by the spring change just past the jump', () => {
    expect(iso(zonedToUtc({ year: 2026, month: 3, day: 8 }, 150, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z')
  })
  it('takes the first of two repeated wall times in autumn', () => {
    expect(iso(zonedToUtc({ year: 2026, month: 11, day: 1 }, 90, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z')
  })
  it("agrees with the zone's own clock for every hour of a year in several zones", () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham']) {
      for (let t = at('2026-01-01T00:00:00Z'); t < at('2027-01-01T00:00:00Z'); t += 7 * HOUR) {
        const local = new Intl.DateTimeFormat('en-CA', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
        }).format(t)
        const [date, time] = local.split(', ') as [string, string]
        const [y, m, d] = date.split('-').map(Number) as [number, number, number]
        const [hh, mm] = time.split(':').map(Number) as [number, number]
        const back = zonedToUtc({ year: y, month: m, day: d }, hh * 60 + mm, zone)
        // Either the same instant, or (in a repeated hour) the earlier of the two.
        expect([0, HOUR, 30 * MIN]).toContain(t - back)
      }
    }
  })
})
