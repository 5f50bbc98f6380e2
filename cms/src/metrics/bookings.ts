import { Counter } from 'prom-client'
import { metricsRegistry } from './registry.ts'

/** Why a booking (or hold) was refused, or that it went through; a bounded set, for the metric's label. */
export type BookingOutcome =
  | 'booked'
  | 'replayed'
  | 'taken'
  | 'outside_hours'
  | 'limit'
  | 'in_progress'
  | 'hold_expired'
  | 'unknown_hold'
  | 'unknown_doctor'
  | 'not_registered'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid'
  | 'other'

const bookings = new Counter({
  name: 'telemed_bookings_total',
  help: 'Answers of the booking endpoints (/api/appointments/book and /hold) by outcome: booked, replayed (an idempotent retry), or why refused.',
  labelNames: ['mode', 'outcome'] as const,
  registers: [metricsRegistry],
})

/**
 * The outcome of a booking answer from its status and the field it names
 * (see book.ts: 409 on `start` is a taken time, 422 on `start` a time outside
 * the doctor's hours, 409 without a field a clinic's limit).
 */
export function bookingOutcome(status: number, path?: string): BookingOutcome {
  if (status === 201) return 'booked'
  if (status === 409) return path === 'start' ? 'taken' : path === 'hold' ? 'hold_expired' : 'limit'
  if (status === 422) return path === 'start' ? 'outside_hours' : path === 'doctor' ? 'unknown_doctor' : 'invalid'
  if (status === 404) return 'unknown_hold'
  if (status === 403) return 'not_registered'
  if (status === 401) return 'unauthenticated'
  if (status === 400) return 'invalid'
  return 'other'
}

/** Counts one answer of a booking endpoint. */
export const countBooking = (mode: 'book' | 'hold', outcome: BookingOutcome) => bookings.inc({ mode, outcome })
