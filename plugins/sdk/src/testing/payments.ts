import { describe, expect, it } from 'vitest'
import type { PaymentProvider } from '../payments.ts'

/**
 * What every payments provider must do. `settle` completes an intent the way a
 * patient would (a test card on the provider's double, or nothing for a provider
 * whose intents are settled at the desk), so refunds can be checked.
 */
export function paymentProviderContract(
  label: string,
  make: () => PaymentProvider | Promise<PaymentProvider>,
  settle: (provider: PaymentProvider, intentId: string) => Promise<void>,
): void {
  describe(`${label} keeps the payments provider contract`, () => {
    const visit = () => `contract-${Math.random().toString(36).slice(2, 10)}`
    const input = (appointmentId: string) => ({ appointmentId, amount: 4500, currency: 'usd', patientEmail: 'maya@example.com' })

    it('creates one intent per visit, however often it is asked, in minor units and lower-case currency', async () => {
      const provider = await make()
      const id = visit()
      const first = await provider.createIntent(input(id))
      const again = await provider.createIntent(input(id))
      expect(again.id).toBe(first.id)
      expect(first).toMatchObject({ appointmentId: id, amount: 4500, currency: 'usd' })
      expect(['requires_payment', 'processing', 'succeeded']).toContain(first.status)
      expect((await provider.createIntent(input(visit()))).id).not.toBe(first.id)
    })

    it('reads an intent back as it is', async () => {
      const provider = await make()
      const created = await provider.createIntent(input(visit()))
      expect(await provider.retrieve(created.id)).toMatchObject({ id: created.id, amount: 4500, currency: 'usd' })
    })

    it('refunds a paid intent, and refunding it again changes nothing', async () => {
      const provider = await make()
      const created = await provider.createIntent(input(visit()))
      await settle(provider, created.id)
      expect((await provider.retrieve(created.id)).status).toBe('succeeded')
      expect((await provider.refund(created.id, 'Cancelled by the clinic')).status).toBe('refunded')
      expect((await provider.refund(created.id, 'Cancelled by the clinic')).status).toBe('refunded')
    })

    it('fails with an Error that says what is wrong for an intent it does not know', async () => {
      const provider = await make()
      await expect(provider.retrieve('pi_unknown_0000')).rejects.toThrow(/\w{3,}/)
    })

    it('turns away a webhook whose signature is not the provider’s (null)', async () => {
      const provider = await make()
      expect(await provider.parseWebhook(Buffer.from('{"type":"payment_intent.succeeded"}'), 't=1,v1=forged')).toBeNull()
    })
  })
}
