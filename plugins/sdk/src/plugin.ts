import type { Config, Plugin } from 'payload'
import type { ClinicScope, PlatformContext } from './context.ts'
import type { EhrConnector } from './ehr.ts'
import type { DomainEvents, DomainEventType } from './events.ts'
import type { JobDefinition } from './jobs.ts'
import type { NotificationChannel } from './notifications.ts'
import type { PaymentProvider } from './payments.ts'
import type { PharmacyConnector } from './pharmacy.ts'
import type { SettingField } from './settings.ts'
import type { SiteStep } from './siteSteps.ts'
import type { VideoProvider } from './video.ts'

/** The provider slots: one provider in use per clinic and slot, chosen among those registered. */
export type ProviderSlots = {
  video: VideoProvider
  payments: PaymentProvider
  ehr: EhrConnector
  pharmacy: PharmacyConnector
}
export type ProviderSlot = keyof ProviderSlots

/**
 * How a plugin offers a provider: a name stored in a clinic's choice ("openvidu"),
 * a label clinic admins read ("OpenVidu"), and a factory called with the clinic
 * (its settings of this plugin) each time the platform needs one. Keep it cheap:
 * build clients once in the plugin and pick by clinic here.
 */
export type ProviderOffer<S extends ProviderSlot> = {
  name: string
  label: string
  create(clinic: ClinicScope): ProviderSlots[S] | Promise<ProviderSlots[S]>
}

/** A notification channel; every registered channel is used at once (email and SMS and in-app). */
export type ChannelOffer = {
  name: string
  label: string
  channel: NotificationChannel['channel']
  create(clinic: ClinicScope): NotificationChannel | Promise<NotificationChannel>
}

export type EventHandlers = {
  [K in DomainEventType]?: (event: DomainEvents[K] & { type: K }, ctx: PlatformContext) => void | Promise<void>
}

/** Everything a plugin adds, declared in one place. */
export type TelemedPlugin = {
  /** Lower-case words joined by dashes, unique: `video-openvidu`. Names its settings, jobs and endpoints. */
  name: string
  providers?: { [S in ProviderSlot]?: ProviderOffer<S> }
  channels?: ChannelOffer[]
  events?: EventHandlers
  jobs?: JobDefinition<any>[]
  clinicSettings?: SettingField[]
  siteSteps?: SiteStep[]
  /** Anything else, with Payload's own plugin shape: collections, endpoints (under /api/plugins/<name>/), admin components. */
  extendConfig?: (config: Config) => Config
}

const REGISTRY = 'telemedPlugins'

/**
 * Turns a plugin's declaration into a Payload plugin for `config/src/plugins.ts`.
 * The core reads the declarations with `pluginsOf` when it starts.
 */
export function definePlugin(plugin: TelemedPlugin): Plugin {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(plugin.name))
    throw new Error(`"${plugin.name}" is not a plugin name: use lower-case words joined by dashes.`)
  return (config: Config): Config => {
    const registered = pluginsOf(config)
    if (registered.some((p) => p.name === plugin.name)) throw new Error(`The plugin ${plugin.name} is on twice in config/src/plugins.ts.`)
    const extended = plugin.extendConfig ? plugin.extendConfig(config) : config
    return { ...extended, custom: { ...extended.custom, [REGISTRY]: [...registered, plugin] } }
  }
}

/** The plugins registered in a configuration, in order. */
export function pluginsOf(config: { custom?: Record<string, unknown> }): readonly TelemedPlugin[] {
  const list = config.custom?.[REGISTRY]
  return Array.isArray(list) ? (list as TelemedPlugin[]) : []
}
