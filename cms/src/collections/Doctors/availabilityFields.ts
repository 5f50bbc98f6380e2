import type { Field } from 'payload'
import { parseClock, parseIsoDate } from '../../scheduling/zonedTime.ts'

const clock = (value: unknown) =>
  typeof value === 'string' && parseClock(value) !== null ? true : 'Use 24-hour time such as 09:00 or 17:30.'
const isoDate = (value: unknown) => (typeof value === 'string' && parseIsoDate(value) ? true : 'Use a date such as 2026-12-24.')
const range = (name = 'ranges'): Field => ({
  name,
  type: 'array',
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'start', type: 'text', required: true, validate: clock, admin: { width: '50%' } },
        { name: 'end', type: 'text', required: true, validate: clock, admin: { width: '50%' } },
      ],
    },
  ],
  validate: (rows: unknown) => {
    for (const r of (rows as { start?: string; end?: string }[] | null) ?? []) {
      if ((parseClock(r.end ?? '') ?? 0) <= (parseClock(r.start ?? '') ?? 0))
        return `${r.start}–${r.end}: a range must end after it starts.`
    }
    return true
  },
})

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/**
 * When patients may book a doctor. Hours are wall-clock times in the doctor's
 * time zone; see scheduling/computeSlots.ts for how they become slots.
 */
export const availabilityFields: Field[] = [
  {
    name: 'weeklyHours',
    type: 'array',
    admin: { description: "Working hours in the doctor's time zone; several ranges a day are fine." },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'day',
            type: 'select',
            required: true,
            options: DAYS.map((label, i) => ({ label, value: String(i) })),
            admin: { width: '34%' },
          },
          { name: 'start', type: 'text', required: true, validate: clock, admin: { width: '33%' } },
          { name: 'end', type: 'text', required: true, validate: clock, admin: { width: '33%' } },
        ],
      },
    ],
  },
  {
    name: 'dateOverrides',
    type: 'array',
    admin: { description: 'Different hours on one date, or the whole day off.' },
    fields: [
      { name: 'date', type: 'text', required: true, validate: isoDate },
      { name: 'dayOff', type: 'checkbox', defaultValue: false },
      range(),
    ],
  },
  {
    name: 'timeOff',
    type: 'array',
    fields: [
      { name: 'from', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'to', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'note', type: 'text', maxLength: 200 },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'bufferBeforeMinutes', type: 'number', min: 0, max: 120, defaultValue: 0, required: true },
      { name: 'bufferAfterMinutes', type: 'number', min: 0, max: 120, defaultValue: 0, required: true },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'minimumNoticeMinutes', type: 'number', min: 0, max: 30 * 24 * 60, defaultValue: 120, required: true },
      { name: 'bookingHorizonDays', type: 'number', min: 1, max: 730, defaultValue: 60, required: true },
      { name: 'dailyMaximum', type: 'number', min: 1, max: 100, admin: { description: 'Leave empty for no limit.' } },
    ],
  },
]
