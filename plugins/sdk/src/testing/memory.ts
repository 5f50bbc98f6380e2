import type { EhrConnector } from '../ehr.ts'
import type { NotificationChannel, OutgoingMessage } from '../notifications.ts'
import type { PaymentIntent, PaymentProvider } from '../payments.ts'
import type { PharmacyConnector, PharmacyOrderStatus } from '../pharmacy.ts'

/**
 * In-memory providers for plugin tests: they keep each contract the simplest
 * way, so a plugin that depends on a slot can be tested without a service, and
 * the contract suites are known to be satisfiable.
 */
export function memoryPayments(): PaymentProvider & { pay(intentId: string): void } {
  const intents = new Map<string, PaymentIntent>()
  const byVisit = new Map<string, string>()
  const known = (id: string) => {
    const intent = intents.get(id)
    if (!intent) throw new Error(`No payment intent ${id}.`)
    return intent
  }
  return {
    name: 'memory',
    async createIntent({ appointmentId, amount, currency }) {
      const existing = byVisit.get(appointmentId)
      if (existing) return known(existing)
      const intent: PaymentIntent = { id: `pi_${intents.size + 1}`, appointmentId, amount, currency, status: 'requires_payment' }
      intents.set(intent.id, intent)
      byVisit.set(appointmentId, intent.id)
      return intent
    },
    retrieve: async (id) => ({ ...known(id) }),
    async refund(id) {
      const intent = known(id)
      if (intent.status !== 'succeeded' && intent.status !== 'refunded')
        throw new Error(`Payment ${id} is ${intent.status}: nothing to refund.`)
      intent.status = 'refunded'
      return { ...intent }
    },
    parseWebhook: async () => null,
    pay(id) {
      known(id).status = 'succeeded'
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
