import type { Field } from 'payload'
import { isPlatformAdmin, sameId, userOf } from '../access/roles.ts'
import { isTimeZone } from '../collections/Tenants/validation.ts'
import type { NotificationEvent } from './templates/index.ts'

/** The channels a person chooses per topic; the inbox on the clinic's site always has every message. */
export type OptionalChannel = 'email' | 'sms'
export const OPTIONAL_CHANNELS: readonly OptionalChannel[] = ['email', 'sms']

/**
 * What a person chooses about, in their words. `essential` topics always go by
 * email (a cancelled visit, a password reset): only SMS is a choice there.
 */
export const TOPICS = {
  account: { label: 'Your account (sign-in, password, email address)', essential: true },
  visits: { label: 'Visits booked, moved or cancelled', essential: true },
  reminders: { label: 'Reminders before a visit, and the link to join it', essential: false },
  messages: { label: 'New chat messages from your care team', essential: false },
  documents: { label: 'Documents and prescriptions for you', essential: false },
  billing: { label: 'Receipts and refunds', essential: false },
  news: { label: 'News from the clinic', essential: false },
} as const
export type Topic = keyof typeof TOPICS
export const TOPIC_NAMES = Object.keys(TOPICS) as Topic[]

const TOPIC_OF: Record<NotificationEvent, Topic> = {
  'account.created': 'account',
  'password.reset': 'account',
  'email.changed': 'account',
  'appointment.booked': 'visits',
  'appointment.confirmed': 'visits',
  'appointment.rescheduled': 'visits',
  'appointment.cancelled': 'visits',
  'appointment.reminder': 'reminders',
  'appointment.starting': 'reminders',
  'chat.message': 'messages',
  'record.shared': 'documents',
  'prescription.signed': 'documents',
  'prescription.sent': 'documents',
  'payment.receipt': 'billing',
  'payment.refund': 'billing',
  announcement: 'news',
}
export const topicOf = (event: NotificationEvent): Topic => TOPIC_OF[event] ?? 'news'

/** The events of essential topics: always by email, whatever anyone chose. */
export const ESSENTIAL_EVENTS = (Object.keys(TOPIC_OF) as NotificationEvent[]).filter((e) => TOPICS[TOPIC_OF[e]].essential)

/** A person's choices, per clinic (accounts can belong to several): the channels wanted per topic. */
export type ClinicChoices = Partial<Record<Topic, OptionalChannel[]>>
export type Preferences = Record<string, ClinicChoices>

/** Without a choice: email for every topic, no SMS (a person opts in to texts). */
const DEFAULT_CHANNELS: OptionalChannel[] = ['email']

/** The channels of a topic a person gets from a clinic, as chosen (essential topics always by email). */
export function channelsOf(preferences: unknown, clinic: unknown, topic: Topic): OptionalChannel[] {
  const chosen = (preferences as Preferences | null | undefined)?.[String(clinic)]?.[topic]
  const channels = Array.isArray(chosen) ? OPTIONAL_CHANNELS.filter((c) => chosen.includes(c)) : DEFAULT_CHANNELS
  return TOPICS[topic].essential && !channels.includes('email') ? ['email', ...channels] : channels
}

/**
 * Whether a message of this event may go to this person on this channel from
 * this clinic, by their choices: the inbox always; email always for an event the
 * clinic marked essential (`alwaysByEmail`); SMS only with a phone number.
 */
export function wants(
  person: { messagePreferences?: unknown; phone?: string | null } | null,
  clinic: unknown,
  event: NotificationEvent,
  channel: string,
  alwaysByEmail: readonly string[] = [],
): boolean {
  if (channel === 'in-app') return true
  if (channel === 'email' && alwaysByEmail.includes(event)) return true
  const channels = channelsOf(person?.messagePreferences, clinic, topicOf(event))
  if (channel === 'sms') return channels.includes('sms') && Boolean(person?.phone)
  return channels.includes(channel as OptionalChannel)
}

/** Checks choices sent for one clinic: `{ reminders: ["email", "sms"], news: [] }`. Returns them cleaned, or the problem. */
export function readChoices(input: unknown): ClinicChoices | string {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return 'Send the channels you want per topic, such as {"reminders": ["email", "sms"]}.'
  const choices: ClinicChoices = {}
  for (const [topic, channels] of Object.entries(input)) {
    if (!(topic in TOPICS)) return `There is no topic "${topic.slice(0, 40)}". Topics: ${TOPIC_NAMES.join(', ')}.`
    if (!Array.isArray(channels) || !channels.every((c) => (OPTIONAL_CHANNELS as readonly unknown[]).includes(c)))
      return `Channels for ${topic} are a list of ${OPTIONAL_CHANNELS.join(' and ')}.`
    choices[topic as Topic] = OPTIONAL_CHANNELS.filter((c) => channels.includes(c))
  }
  return choices
}

/**
 * The users field: a person's choices per clinic. Read by the person (and
 * platform admins); written only through `POST /api/notifications/preferences`
 * and the one-click unsubscribe, which check what is sent and who sends it.
 */
export const messagePreferencesField: Field = {
  name: 'messagePreferences',
  type: 'json',
  access: {
    read: ({ req, doc }) => isPlatformAdmin(req) || sameId(userOf(req)?.id, doc?.id),
    create: () => false,
    update: () => false,
  },
  admin: {
    readOnly: true,
    description:
      'The messages this person chose to get from each clinic, by email and SMS (the inbox on the clinic’s site always has them). They change it in their profile on the clinic’s site.',
  },
}

/**
 * The zone a person reads times in: every time in their messages is written in
 * it, named. Chosen on the site (Profile → Messages you get), else the clinic's.
 */
export const timeZoneField: Field = {
  name: 'timeZone',
  label: 'Time zone of messages',
  type: 'text',
  maxLength: 64,
  validate: (value: unknown) =>
    value === null || value === undefined || value === '' || isTimeZone(value)
      ? true
      : `"${String(value)}" is not a time zone. Use an IANA name such as Europe/London.`,
  access: {
    update: ({ req, id }) => isPlatformAdmin(req) || sameId(userOf(req)?.id, id),
  },
  admin: { description: 'Times in this person’s messages are written in this zone; empty: the clinic’s.' },
}
