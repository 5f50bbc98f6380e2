import type { Payload } from 'payload'
import type { PaymentProvider } from '@telemed/plugin-sdk'
import { providerFor } from '../plugins/providers.ts'

/**
 * The payments provider a clinic uses: the one chosen in Clinics → Providers →
 * Payments, else the embedded "pay at the clinic" (money goes to a clinic's own
 * account, so no plugin is a default: each clinic connects its own).
 */
export const paymentsFor = (payload: Payload, clinicId: number | string): Promise<PaymentProvider> =>
  providerFor(payload, 'payments', clinicId)
