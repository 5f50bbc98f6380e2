import type { PayloadRequest } from 'payload'
import { lookup } from '../database/index.ts'
import { toMinor } from './money.ts'

export type Price = { amount: number; currency: string }

// Read once per request: the booking's refusal (402) and its invoice ask the same.
const FEES = { tenant: true, consultationFee: true, chatFee: true } as const
const CLINIC_PRICING = { currency: true, paymentPolicy: true } as const

/**
 * What a visit costs, in the clinic's currency and minor units: the doctor's fee
 * for its kind (a chat visit's own fee, else the video fee), else the clinic's
 * fee of a visit. Null when it is free (no fee, or 0): free visits skip payment.
 */
export async function priceOf(req: PayloadRequest, doctorId: unknown, visitType: string): Promise<Price | null> {
  const doctor = await lookup.byIdOnce(req, 'doctors', doctorId as number, FEES)
  if (!doctor) return null
  const clinic = await lookup.byIdOnce(req, 'tenants', doctor.tenant as number, CLINIC_PRICING)
  if (!clinic) return null
  const fee = (visitType === 'chat' ? doctor.chatFee : null) ?? doctor.consultationFee ?? clinic.paymentPolicy?.defaultFee ?? null
  if (typeof fee !== 'number' || !(fee > 0)) return null
  return { amount: toMinor(fee, clinic.currency), currency: clinic.currency }
}
