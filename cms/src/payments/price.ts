import type { PayloadRequest } from 'payload'
import { lookup } from '../database/index.ts'
import { publicDataCache } from '../hooks/publicDataChanged.ts'
import { toMinor } from './money.ts'

export type Price = { amount: number; currency: string }

/** What pricing reads of a doctor and their clinic: public data, like the booking's facts. */
type Pricing = {
  fee: number | null
  chatFee: number | null
  clinicFee: number | null
  currency: string
  payWhenBooking: boolean
}

/** Kept per process until a doctor or clinic changes (publicDataCache), so a booking reads nothing more for its price. */
const pricings = publicDataCache<Pricing | null>(30_000)

/** A doctor's fees with their clinic's currency and payment rules, read once per change. */
export function pricingOf(req: PayloadRequest, doctorId: unknown): Promise<Pricing | null> {
  if (typeof doctorId !== 'number' && typeof doctorId !== 'string') return Promise.resolve(null)
  return pricings(req.payload, String(doctorId), async () => {
    const doctor = await lookup.byId(req, 'doctors', doctorId, { tenant: true, consultationFee: true, chatFee: true })
    if (!doctor) return null
    const clinic = await lookup.byId(req, 'tenants', doctor.tenant as number, { currency: true, paymentPolicy: true })
    if (!clinic) return null
    return {
      fee: doctor.consultationFee ?? null,
      chatFee: doctor.chatFee ?? null,
      clinicFee: clinic.paymentPolicy?.defaultFee ?? null,
      currency: clinic.currency,
      payWhenBooking: !!clinic.paymentPolicy?.payWhenBooking,
    }
  })
}

/**
 * What a visit costs, in the clinic's currency and minor units: the doctor's fee
 * for its kind (a chat visit's own fee, else the video fee), else the clinic's
 * fee of a visit. Null when it is free (no fee, or 0): free visits skip payment.
 */
export async function priceOf(req: PayloadRequest, doctorId: unknown, visitType: string): Promise<Price | null> {
  const pricing = await pricingOf(req, doctorId)
  if (!pricing) return null
  const fee = (visitType === 'chat' ? pricing.chatFee : null) ?? pricing.fee ?? pricing.clinicFee
  if (typeof fee !== 'number' || !(fee > 0)) return null
  return { amount: toMinor(fee, pricing.currency), currency: pricing.currency }
}
