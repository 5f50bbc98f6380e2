import { commitTransaction, initTransaction, killTransaction, type Config, type Endpoint } from 'payload'
import type { ProviderEvent, TelemedPlugin } from '@telemed/plugin-sdk'
import { json, problem } from '../http/endpoint.ts'
import { jobRunnerOf } from '../plugins/jobs/runner.ts'
import { paymentsFor } from './provider.ts'
import { APPLY_EVENT_TASK } from './applyEvent.ts'

/**
 * `POST /api/plugins/<plugin>/webhook?clinic=<slug>` for each plugin offering a
 * payments provider (Stripe: /api/plugins/payments-stripe/webhook). The clinic's
 * provider verifies the raw body (signature, timestamp): a forgery or a stale
 * replay is answered 400 and changes nothing. A verified event is stored once by
 * its id, with the job that applies it, in one transaction, then answered 200:
 * a crash after the answer loses nothing, and an event sent twice is applied once.
 */
function webhookOf(plugin: TelemedPlugin, providerName: string): Endpoint {
  return {
    path: `/plugins/${plugin.name}/webhook`,
    method: 'post',
    handler: async (req) => {
      const slug = new URL(req.url!).searchParams.get('clinic') ?? ''
      const { docs } = slug
        ? await req.payload.find({
            collection: 'tenants',
            where: { slug: { equals: slug } },
            depth: 0,
            limit: 1,
            overrideAccess: true,
            select: { slug: true },
          })
        : { docs: [] }
      const clinic = docs[0]
      if (!clinic)
        return problem(400, `Name the clinic in the webhook's address: /api/plugins/${plugin.name}/webhook?clinic=<clinic slug>.`)
      const provider = await paymentsFor(req.payload, clinic.id).catch(() => null)
      if (provider?.name !== providerName) return problem(400, `This clinic does not take payments through ${plugin.name}.`)
      const raw = Buffer.from(await (req as unknown as Request).arrayBuffer())
      let event: ProviderEvent | null
      try {
        event = await provider.parseWebhook(raw, (name) => req.headers.get(name))
      } catch {
        req.payload.logger.warn(
          { plugin: plugin.name, clinic: clinic.id },
          'a payments webhook failed verification (bad signature or stale)',
        )
        return problem(400, 'The webhook signature does not verify, or its timestamp is too old.')
      }
      if (!event) return json(200, { received: true, used: false })
      const key = `${providerName}:${event.id}`
      const existing = await req.payload.db.findOne({ collection: 'payment-events', where: { key: { equals: key } } })
      if (existing) return json(200, { received: true, duplicate: true })
      const shouldCommit = await initTransaction(req)
      try {
        const stored = await req.payload.create({
          collection: 'payment-events',
          data: { key, provider: providerName, tenant: clinic.id, type: event.type, event: event as never },
          depth: 0,
          overrideAccess: true,
          req,
        })
        await req.payload.jobs.queue({ task: APPLY_EVENT_TASK, input: { event: stored.id as number }, req })
        if (shouldCommit) await commitTransaction(req)
      } catch (error) {
        await killTransaction(req)
        // The same event, sent again while the first was being stored: the unique key let one in.
        if (await req.payload.db.findOne({ collection: 'payment-events', where: { key: { equals: key } } }))
          return json(200, { received: true, duplicate: true })
        throw error
      }
      jobRunnerOf(req.payload)?.nudge()
      return json(200, { received: true })
    },
  }
}

/** Adds the webhook endpoint of each payments plugin. */
export function withPaymentWebhooks(config: Config, plugins: readonly TelemedPlugin[]): Config {
  const endpoints = plugins.flatMap((plugin) => (plugin.providers?.payments ? [webhookOf(plugin, plugin.providers.payments.name)] : []))
  return endpoints.length ? { ...config, endpoints: [...(config.endpoints ?? []), ...endpoints] } : config
}
