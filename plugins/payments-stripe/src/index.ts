import { createHash } from 'node:crypto'
import { definePlugin, type ClinicScope, type TelemedPlugin } from '@telemed/plugin-sdk'
import { StripePayments } from './StripePayments.ts'

export { StripePayments, toCheckout, toProviderEvent, toRefund, WEBHOOK_TOLERANCE, type StripeAccount } from './StripePayments.ts'

export type StripePluginOptions = {
  /** Stripe's API; another address only for a test double (STRIPE_API_URL). */
  apiUrl?: string
}

/** Clients kept, one per clinic account; a clinic that changes its keys gets a new one. */
const CACHE_SIZE = 200

/** One clinic's setting of this plugin, or a clear error for its admins. */
function required(clinic: ClinicScope, name: string, words: string): string {
  const value = clinic.settings[name]
  if (typeof value !== 'string' || !value.trim())
    throw new Error(`Stripe is chosen for ${clinic.slug} but its ${words} is not set: Clinics → Plugin settings → Payments stripe.`)
  return value.trim()
}

/**
 * The plugin's declaration: a payments provider on each clinic's own Stripe
 * account, connected by the clinic's admins with two secret settings.
 */
export function stripePlugin(options: StripePluginOptions = {}): TelemedPlugin {
  const providers = new Map<string, StripePayments>()
  return {
    name: 'payments-stripe',
    providers: {
      payments: {
        name: 'stripe',
        label: 'Stripe (card payments)',
        create(clinic) {
          const secretKey = required(clinic, 'secretKey', 'secret key')
          const webhookSecret = required(clinic, 'webhookSecret', 'webhook signing secret')
          if (secretKey.startsWith('pk_'))
            throw new Error(
              `The Stripe key of ${clinic.slug} is its publishable key (pk_…): paste the secret key (sk_…) in Clinics → Plugin settings → Payments stripe.`,
            )
          // Keyed by a digest, so the map holds no secret of its own.
          const id = createHash('sha256').update(`${secretKey}\n${webhookSecret}`).digest('hex')
          let provider = providers.get(id)
          if (!provider) {
            if (providers.size >= CACHE_SIZE) providers.delete(providers.keys().next().value!)
            provider = new StripePayments({ secretKey, webhookSecret, apiUrl: options.apiUrl })
            providers.set(id, provider)
          }
          return provider
        },
      },
    },
    clinicSettings: [
      {
        name: 'secretKey',
        type: 'secret',
        label: 'Secret key',
        description:
          'The secret key of the clinic’s Stripe account: sk_live_… or sk_test_… (test mode) from the Stripe dashboard (Developers → API keys). Payments go straight to this account.',
      },
      {
        name: 'webhookSecret',
        type: 'secret',
        label: 'Webhook signing secret',
        description:
          'whsec_… of the endpoint https://<clinic site>/api/plugins/payments-stripe/webhook?clinic=<clinic slug>, added in the Stripe dashboard (Developers → Webhooks) with the events listed in the plugin’s README.',
      },
    ],
  }
}

/**
 * Card payments on Stripe Checkout beside the embedded "pay at the clinic":
 * each clinic connects its own Stripe account (Clinics → Plugin settings →
 * Payments stripe) and chooses Stripe (Clinics → Providers). Patients pay on
 * Stripe's hosted page; the platform never sees a card. Turned on in
 * config/src/plugins.ts.
 */
export const paymentsStripePlugin = (options: StripePluginOptions = {}) => definePlugin(stripePlugin(options))
