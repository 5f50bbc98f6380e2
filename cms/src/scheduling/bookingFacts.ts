import type { PayloadRequest } from 'payload'
import type { Doctor, Tenant } from '../payload-types.ts'
import { lookup } from '../database/index.ts'
import { publicDataCache } from '../hooks/publicDataChanged.ts'
import { BOOKING_FIELDS } from './availabilityOf.ts'

/** What a booking reads of its clinic. */
export const BOOKING_POLICY = { bookingPolicy: { approvalRequired: true, maxActiveHolds: true, maxUpcomingVisits: true } } as const

type BookingDoctor = Pick<Doctor, 'id' | keyof typeof BOOKING_FIELDS>
type BookingPolicy = Pick<NonNullable<Tenant['bookingPolicy']>, 'approvalRequired' | 'maxActiveHolds' | 'maxUpcomingVisits'>

/** How long a booking trusts what it read of a doctor or clinic, should a change to it go unheard. */
const LIFETIME_MS = 30_000
const doctors = publicDataCache<BookingDoctor | null>(LIFETIME_MS)
const clinics = publicDataCache<BookingPolicy | null>(LIFETIME_MS)

/**
 * A doctor's bookable facts (clinic, active, hours, buffers, time off) and a
 * clinic's booking rules, as every booking and hold reads them: public data,
 * kept per process until it changes (publicDataCache), so a booking reads only
 * what is its own. Never to be changed by the caller: the object is shared.
 */
export function doctorForBooking(req: PayloadRequest, id: unknown): Promise<BookingDoctor | null> {
  if (typeof id !== 'number' && typeof id !== 'string') return Promise.resolve(null)
  return doctors(req.payload, String(id), () => lookup.byId(req, 'doctors', id, BOOKING_FIELDS) as Promise<BookingDoctor | null>).catch(
    () => null,
  )
}

export async function clinicBookingPolicy(req: PayloadRequest, id: number | string): Promise<BookingPolicy | null> {
  return clinics(
    req.payload,
    String(id),
    async () => ((await lookup.byId(req, 'tenants', id, BOOKING_POLICY))?.bookingPolicy ?? null) as BookingPolicy | null,
  )
}
