import type { EhrConnector } from '../ehr.ts'
import type { NotificationChannel, OutgoingMessage } from '../notifications.ts'
import type { Checkout, PaymentProvider, Refund } from '../payments.ts'
import type { PharmacyConnector, PharmacyOrderStatus } from '../pharmacy.ts'

/**
 * In-memory providers for plugin tests: they keep each contract the simplest
 * way, so a plugin that depends on a slot can be tested without a service, and
 * the contract suites are known to be satisfiable.
 */
export function memoryPayments(): PaymentProvider & { pay(checkoutId: string): void } {
  const checkouts = new Map<string, Checkout & { refunded: number }>()
  const byKey = new Map<string, string>()
  const refunds = new Map<string, Refund>()
  const known = (id: string) => {
    const checkout = checkouts.get(id)
    if (!checkout) throw new Error(`No checkout ${id}.`)
    return checkout
  }
  const view = ({ refunded: _, ...checkout }: Checkout & { refunded: number }): Checkout => ({ ...checkout })
  return {
    name: 'memory',
    async createCheckout(input) {
      const existing = byKey.get(input.idempotencyKey)
      if (existing) return view(known(existing))
      const checkout = {
        id: `cs_${checkouts.size + 1}`,
        url: `https://pay.example/cs_${checkouts.size + 1}`,
        status: 'open' as const,
        amount: input.amount,
        currency: input.currency,
        reference: input.reference,
        paymentRef: null,
        expiresAt: input.expiresAt.toISOString(),
        refunded: 0,
      }
      checkouts.set(checkout.id, checkout)
      byKey.set(input.idempotencyKey, checkout.id)
      return view(checkout)
    },
    retrieveCheckout: async (id) => view(known(id)),
    async expireCheckout(id) {
      const checkout = known(id)
      if (checkout.status === 'open') checkout.status = 'expired'
      return view(checkout)
    },
    async refund({ checkoutId, amount, idempotencyKey }) {
      const earlier = refunds.get(idempotencyKey)
      if (earlier) return { ...earlier }
      const checkout = known(checkoutId)
      if (checkout.status !== 'paid') throw new Error(`Checkout ${checkoutId} is ${checkout.status}: nothing to refund.`)
      if (amount <= 0 || checkout.refunded + amount > checkout.amount)
        throw new Error(`Refund of ${amount} exceeds the ${checkout.amount - checkout.refunded} left of checkout ${checkoutId}.`)
      checkout.refunded += amount
      const refund: Refund = { id: `re_${refunds.size + 1}`, amount, status: 'succeeded' }
      refunds.set(idempotencyKey, refund)
      return { ...refund }
    },
    async parseWebhook() {
      throw new Error('The in-memory provider sends no webhooks.')
    },
    pay(id) {
      const checkout = known(id)
      checkout.status = 'paid'
      checkout.paymentRef = `pi_${id.slice(3)}`
    },
  }
}

export function memoryEhr(): EhrConnector {
  const resources = new Map<string, { resourceType: string; id: string; [key: string]: unknown }>()
  return {
    name: 'memory',
    async push(resource) {
      const id = resource.id ?? `r${resources.size + 1}`
      resources.set(`${resource.resourceType}/${id}`, { ...structuredClone(resource), id })
      return { id }
    },
    async pull(resourceType, patientId) {
      return [...resources.values()].filter(
        (r) => r.resourceType === resourceType && (r.subject as { reference?: string } | undefined)?.reference === `Patient/${patientId}`,
      )
    },
  }
}

export function memoryPharmacy(): PharmacyConnector {
  const orders = new Map<string, PharmacyOrderStatus>()
  const byPrescription = new Map<string, string>()
  const known = (id: string) => {
    const status = orders.get(id)
    if (!status) throw new Error(`No pharmacy order ${id}.`)
    return status
  }
  return {
    name: 'memory',
    async send(order) {
      const existing = byPrescription.get(order.prescriptionId)
      if (existing) return { externalId: existing, status: known(existing) }
      const externalId = `order-${orders.size + 1}`
      orders.set(externalId, 'sent')
      byPrescription.set(order.prescriptionId, externalId)
      return { externalId, status: 'sent' }
    },
    status: async (id) => known(id),
    async cancel(id) {
      known(id)
      orders.set(id, 'cancelled')
      return 'cancelled'
    },
  }
}

export function memoryInbox(): NotificationChannel & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = []
  return {
    channel: 'email',
    sent,
    async send(message) {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(message.to)) return { ok: false, error: `${message.to} is not an email address.` }
      sent.push(message)
      return { ok: true, providerId: `m${sent.length}` }
    },
  }
}
