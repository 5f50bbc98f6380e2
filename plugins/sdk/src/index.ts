/**
 * The contracts between the platform core and its plugins.
 *
 * A plugin is a Payload plugin factory `(options) => (config) => config` that
 * also implements one of these provider interfaces with `implements`, so a
 * signature change here breaks every provider at compile time instead of at a
 * patient's visit. The core never imports a plugin; `config/` decides which are on.
 */
export type { VideoProvider, VideoSession, JoinGrant, ParticipantRole, AttendanceEvent } from './video.ts'
export type { PaymentProvider, PaymentIntent, PaymentStatus } from './payments.ts'
export type { EhrConnector } from './ehr.ts'
export type { PharmacyConnector, PrescriptionOrder, PharmacyOrderStatus } from './pharmacy.ts'
export type { NotificationChannel, OutgoingMessage, DeliveryResult } from './notifications.ts'
