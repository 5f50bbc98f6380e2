import type { Config, Field, Plugin } from 'payload'
import { pluginsOf, type DomainEventType, type ProviderSlot, type TelemedPlugin } from '@telemed/plugin-sdk'
import { clinicAdminsOnly } from '../access/clinicAdmins.ts'
import { onDomainEvent } from '../events/domainEvents.ts'
import { contextFor } from './context.ts'
import { withPluginJobs } from './jobs/index.ts'
import { defaultOffer, offersFor } from './providers.ts'
import { withClinicSettings } from './settings/index.ts'
import { withSiteSteps } from './siteSteps/index.ts'
import { withPaymentWebhooks } from '../payments/webhook.ts'

const SLOT_LABELS: Record<ProviderSlot, string> = { video: 'Video', payments: 'Payments', ehr: 'EHR', pharmacy: 'Pharmacy' }

/** Clinics → Providers: which offered provider each slot uses, where there is a choice. */
function providerChoice(config: Config): Field | null {
  const fields: Field[] = (Object.keys(SLOT_LABELS) as ProviderSlot[]).flatMap((slot) => {
    const offers = offersFor(config, slot)
    if (offers.length < 2) return []
    return [
      {
        name: slot,
        type: 'select',
        label: SLOT_LABELS[slot],
        options: offers.map((o) => ({ label: o.label, value: o.name })),
        admin: { description: `Empty: ${defaultOffer(slot, offers).label}, the platform's default.` },
      } satisfies Field,
    ]
  })
  if (!fields.length) return null
  return {
    name: 'providers',
    type: 'group',
    label: 'Providers',
    access: { read: clinicAdminsOnly, update: clinicAdminsOnly },
    admin: { description: 'Which service this clinic uses where the platform offers several.' },
    fields,
  }
}

function withProviderChoice(config: Config): Config {
  const field = providerChoice(config)
  if (!field) return config
  return {
    ...config,
    collections: (config.collections ?? []).map((c) => (c.slug === 'tenants' ? { ...c, fields: [...c.fields, field] } : c)),
  }
}

function subscribeEvents(payload: Parameters<NonNullable<Config['onInit']>>[0], plugins: readonly TelemedPlugin[]): void {
  for (const plugin of plugins) {
    const ctx = contextFor(payload, plugin)
    for (const [type, handler] of Object.entries(plugin.events ?? {}) as [DomainEventType, (e: never, c: typeof ctx) => unknown][]) {
      onDomainEvent(type, (event) => handler(event as never, ctx) as void)
    }
  }
}

/**
 * The platform's side of the plugin surface, applied after every plugin: reads
 * what the plugins declared with `definePlugin` and wires it in (provider
 * choice per clinic, clinic settings, jobs, site steps, event subscriptions).
 */
export const pluginHost: Plugin = (incoming: Config): Config => {
  const plugins = pluginsOf(incoming)
  let config = withProviderChoice(incoming)
  config = withClinicSettings(config, plugins)
  config = withPluginJobs(config, plugins)
  config = withSiteSteps(config, plugins)
  config = withPaymentWebhooks(config, plugins)
  const onInit = config.onInit
  return {
    ...config,
    onInit: async (payload) => {
      await onInit?.(payload)
      subscribeEvents(payload, plugins)
    },
  }
}
