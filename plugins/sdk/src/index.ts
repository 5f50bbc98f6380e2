/**
 * @telemed/plugin-sdk: the whole surface a plugin sees of the platform.
 *
 * A plugin is `definePlugin({ name, providers, channels, events, jobs,
 * clinicSettings, siteSteps })`, turned on in `config/src/plugins.ts`. Providers
 * implement the interfaces below with `implements`, so a signature change breaks
 * every provider at compile time instead of at a patient's visit. The core never
 * imports a plugin, and a plugin imports nothing of the platform but this package.
 * Contract suites every provider runs: `@telemed/plugin-sdk/testing`.
 */
export type { VideoProvider, VideoSession, JoinGrant, ParticipantRole, AttendanceEvent } from './video.ts'
export type {
  PaymentProvider,
  Checkout,
  CheckoutInput,
  CheckoutStatus,
  ProviderEvent,
  Refund,
  RefundInput,
  RefundStatus,
} from './payments.ts'
export type { EhrConnector } from './ehr.ts'
export type { PharmacyConnector, PrescriptionOrder, PharmacyOrderStatus } from './pharmacy.ts'
export type { NotificationChannel, OutgoingMessage, DeliveryResult } from './notifications.ts'
export type { DomainEvents, DomainEventType, DomainEvent, AppointmentEvent, AppointmentEventType } from './events.ts'
export type { SettingField, SettingValues } from './settings.ts'
export type { JobDefinition, QueueOptions } from './jobs.ts'
export type { SiteSlot, SiteStep, SiteStepInput, SiteBlock, SiteAction, SiteFormField } from './siteSteps.ts'
export type { PlatformContext, ClinicScope } from './context.ts'
export type { TelemedPlugin, ProviderSlots, ProviderSlot, ProviderOffer, ChannelOffer, EventHandlers } from './plugin.ts'
export { definePlugin, pluginsOf } from './plugin.ts'
