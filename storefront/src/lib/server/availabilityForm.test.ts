import { describe, expect, it } from 'vitest'
import { fromForm, toFormValues } from './availabilityForm.ts'

const form = (values: Record<string, string>) => {
  const f = new FormData()
  const base = {
    visitMinutes: '30',
    bufferBeforeMinutes: '0',
    bufferAfterMinutes: '5',
    minimumNoticeMinutes: '120',
    bookingHorizonDays: '60',
    dailyMaximum: '',
  }
  for (const [k, v] of Object.entries({ ...base, ...values })) f.append(k, v)
  return f
}

describe("the doctor's availability form", () => {
  it('reads weekly hours, date overrides and time off in the doctor’s zone, and writes them back the same', () => {
    const { data, errors } = fromForm(
      form({
        'hours-1': '9:00-12:00, 13:00-17:30',
        'hours-5': '08:00-12:00',
        dateOverrides: '2026-12-24 off\n2026-12-31 09:00-12:00',
        timeOff: '2026-07-20 09:00 to 2026-07-27 18:00 Summer holiday',
      }),
      'Europe/London',
    )
    expect(errors).toEqual({})
    expect(data!.weeklyHours).toEqual([
      { day: '1', start: '09:00', end: '12:00' },
      { day: '1', start: '13:00', end: '17:30' },
      { day: '5', start: '08:00', end: '12:00' },
    ])
    expect(data!.dateOverrides).toEqual([
      { date: '2026-12-24', dayOff: true, ranges: [] },
      { date: '2026-12-31', dayOff: false, ranges: [{ start: '09:00', end: '12:00' }] },
    ])
    // London is on summer time (UTC+1) in July.
    expect(data!.timeOff).toEqual([{ from: '2026-07-20T08:00:00.000Z', to: '2026-07-27T17:00:00.000Z', note: 'Summer holiday' }])
    expect(data!.dailyMaximum).toBeNull()
    const again = toFormValues(data!, 'Europe/London')
    expect([again['hours-1'], again.dateOverrides, again.timeOff]).toEqual([
      '09:00-12:00, 13:00-17:30',
      '2026-12-24 off\n2026-12-31 09:00-12:00',
      '2026-07-20 09:00 to 2026-07-27 18:00 Summer holiday',
    ])
  })

  it('names the field and the line of every mistake, and gives nothing to save', () => {
    const { data, errors } = fromForm(
      form({ 'hours-2': '17:00-09:00', dateOverrides: 'tomorrow off', timeOff: '2026-07-27 18:00 to 2026-07-20 09:00', visitMinutes: '0' }),
      'UTC',
    )
    expect(data).toBeUndefined()
    expect(errors).toEqual({
      'hours-2': '17:00-09:00: a range must end after it starts.',
      dateOverrides: 'Line 1: start with a date such as 2026-12-24.',
      timeOff: 'Line 1: time off must end after it starts.',
      visitMinutes: 'A whole number from 5 to 240.',
    })
  })
})
