import { describe, expect, it } from 'vitest'
import type { CheckoutInput, PaymentProvider } from '../payments.ts'

/**
 * What every payments provider must do. `pay` completes a checkout the way a
 * patient would (a test card on the provider's double, the desk marking an
 * invoice paid), so refunds can be checked. `reference` makes the platform's
 * reference of a new checkout (default: a random one); a provider whose
 * checkouts are the platform's own payments needs a real payment of that
 * amount and currency to refer to.
 */
export function paymentProviderContract(
  label: string,
  make: () => PaymentProvider | Promise<PaymentProvider>,
  pay: (provider: PaymentProvider, checkoutId: string) => Promise<void>,
  reference: (amount: number, currency: string) => Promise<string> = async () => `pay-${Math.random().toString(36).slice(2, 10)}`,
): void {
  describe(`${label} keeps the payments provider contract`, () => {
    const unique = () => Math.random().toString(36).slice(2, 10)
    const input = async (over: Partial<CheckoutInput> = {}): Promise<CheckoutInput> => ({
      reference: await reference(over.amount ?? 4500, over.currency ?? 'usd'),
      amount: 4500,
      currency: 'usd',
      description: 'Video visit at North Clinic',
      customerEmail: 'maya@example.com',
      successUrl: 'https://north.example/appointments/1?paid=1',
      cancelUrl: 'https://north.example/book',
      expiresAt: new Date(Date.now() + 31 * 60_000),
      idempotencyKey: `checkout-${unique()}`,
      ...over,
    })

    it('creates one checkout per idempotency key, in minor units and lower-case currency', async () => {
      const provider = await make()
      const asked = await input()
      const first = await provider.createCheckout(asked)
      const again = await provider.createCheckout(asked)
      expect(again.id).toBe(first.id)
      expect(first).toMatchObject({ amount: 4500, currency: 'usd', reference: asked.reference, status: 'open', paymentRef: null })
      expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now())
      expect((await provider.createCheckout(await input())).id).not.toBe(first.id)
    })

    it('reads a checkout back as it is, and paid once the patient pays', async () => {
      const provider = await make()
      const created = await provider.createCheckout(await input({ amount: 1200, currency: 'jpy' }))
      expect(await provider.retrieveCheckout(created.id)).toMatchObject({ id: created.id, amount: 1200, currency: 'jpy', status: 'open' })
      await pay(provider, created.id)
      const paid = await provider.retrieveCheckout(created.id)
      expect(paid.status).toBe('paid')
      expect(paid.paymentRef).toEqual(expect.any(String))
    })

    it('closes an open checkout unpaid, and leaves a paid one paid', async () => {
      const provider = await make()
      const open = await provider.createCheckout(await input())
      expect((await provider.expireCheckout(open.id)).status).toBe('expired')
      const paid = await provider.createCheckout(await input())
      await pay(provider, paid.id)
      expect((await provider.expireCheckout(paid.id)).status).toBe('paid')
    })

    it('refunds in part, once per key, and never more than was paid', async () => {
      const provider = await make()
      const created = await provider.createCheckout(await input())
      await pay(provider, created.id)
      const half = { checkoutId: created.id, amount: 2250, reason: 'Half, as agreed', idempotencyKey: `refund-${unique()}` }
      const first = await provider.refund(half)
      expect(first).toMatchObject({ amount: 2250 })
      expect(['pending', 'succeeded']).toContain(first.status)
      expect((await provider.refund(half)).id).toBe(first.id)
      await expect(provider.refund({ ...half, amount: 2251, idempotencyKey: `refund-${unique()}` })).rejects.toThrow(/\w{3,}/)
      expect((await provider.refund({ ...half, amount: 2250, idempotencyKey: `refund-${unique()}` })).amount).toBe(2250)
    })

    it('refuses to refund a checkout that was never paid', async () => {
      const provider = await make()
      const created = await provider.createCheckout(await input())
      await expect(
        provider.refund({ checkoutId: created.id, amount: 100, reason: 'x', idempotencyKey: `refund-${unique()}` }),
      ).rejects.toThrow(/\w{3,}/)
    })

    it('fails with an Error that says what is wrong for a checkout it does not know', async () => {
      const provider = await make()
      await expect(provider.retrieveCheckout('cs_unknown_0000')).rejects.toThrow(/\w{3,}/)
    })

    it('refuses a webhook whose signature is not the provider’s (throws)', async () => {
      const provider = await make()
      const header = (name: string) => (name.toLowerCase() === 'stripe-signature' ? 't=1,v1=forged' : null)
      await expect(provider.parseWebhook(Buffer.from('{"id":"evt_1","type":"checkout.session.completed"}'), header)).rejects.toThrow()
    })
  })
}
