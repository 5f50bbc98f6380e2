import type { Availability } from './computeSlots.ts'

type DoctorDoc = {
  timeZone?: string | null
  visitMinutes?: number | null
  bufferBeforeMinutes?: number | null
  bufferAfterMinutes?: number | null
  minimumNoticeMinutes?: number | null
  bookingHorizonDays?: number | null
  dailyMaximum?: number | null
  weeklyHours?: { day?: string | number | null; start?: string | null; end?: string | null }[] | null
  dateOverrides?:
    { date?: string | null; dayOff?: boolean | null; ranges?: { start?: string | null; end?: string | null }[] | null }[] | null
  timeOff?: { from?: string | null; to?: string | null }[] | null
}

/** A doctor document as stored → the plain availability that computeSlots reads. */
export function availabilityOf(doctor: DoctorDoc): Availability {
  return {
    timeZone: doctor.timeZone || 'UTC',
    visitMinutes: doctor.visitMinutes ?? 30,
    bufferBeforeMinutes: doctor.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: doctor.bufferAfterMinutes ?? 0,
    minimumNoticeMinutes: doctor.minimumNoticeMinutes ?? 0,
    bookingHorizonDays: doctor.bookingHorizonDays ?? 60,
    dailyMaximum: doctor.dailyMaximum ?? null,
    weekly: (doctor.weeklyHours ?? []).map((w) => ({ day: Number(w.day), start: w.start ?? '', end: w.end ?? '' })),
    overrides: (doctor.dateOverrides ?? []).map((o) => ({
      date: o.date ?? '',
      dayOff: Boolean(o.dayOff),
      ranges: (o.ranges ?? []).map((r) => ({ start: r.start ?? '', end: r.end ?? '' })),
    })),
    timeOff: (doctor.timeOff ?? [])
      .map((t) => ({ start: Date.parse(t.from ?? ''), end: Date.parse(t.to ?? '') }))
      .filter((t) => t.end > t.start),
  }
}

/** The doctor fields that booking needs: selecting them keeps the look-up cheap. */
export const BOOKING_FIELDS = {
  tenant: true,
  active: true,
  visitMinutes: true,
  timeZone: true,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  minimumNoticeMinutes: true,
  bookingHorizonDays: true,
  dailyMaximum: true,
  weeklyHours: true,
  dateOverrides: true,
  timeOff: true,
} as const
