import { APIError, type PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-sqlite'
import { clinicBookingPolicy } from './bookingFacts.ts'
import { patientVisitCounts } from './appointmentQueries.ts'

/** Defaults of a clinic's limits (bookingPolicy.maxActiveHolds, .maxUpcomingVisits). */
export const BOOKING_LIMITS = { holds: 1, upcoming: 5 } as const

/** A patient reached one of their clinic's limits: refused with the reason, nothing kept. */
export class LimitReached extends APIError {
  constructor(message: string) {
    super(message, 409, null, true)
  }
}

/**
 * Makes concurrent bookings of one patient wait for each other, so the counts
 * below see each other's visits. PostgreSQL: a row lock on the patient until
 * the transaction ends. SQLite: nothing to do, the transaction holds the one
 * writer from its first write, and the counts run after it. (MongoDB: the
 * counts are a best effort.)
 */
export async function oneBookingAtATime(req: PayloadRequest, patient: number | string): Promise<void> {
  const db = req.payload.db as unknown as {
    name: string
    drizzle?: { execute: (q: unknown) => Promise<unknown> }
    sessions?: Record<string, { db: { execute: (q: unknown) => Promise<unknown> } }>
  }
  if (db.name !== 'postgres') return
  const transaction = await req.transactionID
  const session = transaction !== undefined ? db.sessions?.[String(transaction)]?.db : undefined
  await (session ?? db.drizzle!).execute(sql`SELECT id FROM users WHERE id = ${patient} FOR UPDATE`)
}

/**
 * Slot hoarding: one patient holding every free time of a doctor's day, again
 * and again. After the write, inside its transaction, the patient's live holds
 * and upcoming visits at the clinic are counted (this write included); beyond
 * the clinic's limits the write is refused and rolled back.
 */
export async function refuseHoarding(req: PayloadRequest, clinic: number | string, mode: 'book' | 'hold'): Promise<void> {
  const patient = req.user!.id
  const settings = await clinicBookingPolicy(req, clinic)
  const maxHolds = settings?.maxActiveHolds ?? BOOKING_LIMITS.holds
  const maxUpcoming = settings?.maxUpcomingVisits ?? BOOKING_LIMITS.upcoming
  const now = new Date().toISOString()
  const { holds, upcoming } = await patientVisitCounts(req, patient, clinic, now)
  if (mode === 'hold' && holds > maxHolds) {
    throw new LimitReached(
      maxHolds === 1
        ? 'You are already holding a time at this clinic. Book it or cancel it before holding another (a hold lapses after 10 minutes).'
        : `You are already holding ${maxHolds} times at this clinic, the most it allows. Book or cancel one first.`,
    )
  }
  // A hold is a visit about to be booked: it counts towards the upcoming visits too.
  if (upcoming + (mode === 'hold' ? holds : 0) > maxUpcoming) {
    throw new LimitReached(
      `You have ${maxUpcoming} upcoming visits at this clinic, the most it allows. Cancel one, or book again once one has taken place.`,
    )
  }
}
