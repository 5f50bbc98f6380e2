import type { Payload } from 'payload'
import { publicDataCache } from '../hooks/publicDataChanged.ts'
import type { NotificationEvent } from './templates/index.ts'

/** Reminders before a visit when the clinic has not set its own: a day before and an hour before. */
export const DEFAULT_REMINDER_HOURS = [24, 1]

/** What a clinic decided about its messages (Clinics → Notifications), and when its calls open. */
export type ClinicRules = { reminderHours: number[]; joinMinutesBefore: number; turnedOff: string[]; alwaysByEmail: string[] }
const rules = publicDataCache<ClinicRules>(30_000)

/** A clinic's rules; kept per process until the clinic changes. */
export function clinicRules(payload: Payload, tenant: number | string): Promise<ClinicRules> {
  return rules(payload, String(tenant), async () => {
    const clinic = await payload.findByID({ collection: 'tenants', id: tenant, depth: 0, select: { notifications: true, video: true } })
    const hours = clinic.notifications?.reminderHours
    return {
      reminderHours: Array.isArray(hours) ? hours : DEFAULT_REMINDER_HOURS,
      joinMinutesBefore: clinic.video?.joinMinutesBefore ?? 15,
      turnedOff: turnedOffIn(clinic.notifications),
      alwaysByEmail: alwaysByEmailIn(clinic.notifications),
    }
  })
}

const listIn = (settings: unknown, name: 'turnedOff' | 'alwaysByEmail'): string[] => {
  const list = (settings as Record<string, unknown> | null | undefined)?.[name]
  return Array.isArray(list) ? list.map(String) : []
}
/** The events a clinic turned off, from its notifications settings as read. */
export const turnedOffIn = (settings: unknown) => listIn(settings, 'turnedOff')
/** The events a clinic marked essential: sent by email whatever the patient chose, with no unsubscribe. */
export const alwaysByEmailIn = (settings: unknown) => listIn(settings, 'alwaysByEmail')

/** Messages a clinic cannot turn off: a person must hear that their visit moved or was cancelled, or about their account's keys. */
export const ALWAYS_SENT: readonly NotificationEvent[] = [
  'password.reset',
  'email.changed',
  'appointment.rescheduled',
  'appointment.cancelled',
  'announcement',
]

/** Whether a clinic sends this event's messages, given the events it turned off (those always sent go regardless). */
export const clinicSends = (turnedOff: readonly string[], event: string) =>
  ALWAYS_SENT.includes(event as NotificationEvent) || !turnedOff.includes(event)
