import type { Payload } from 'payload'
import { eq, sql } from '@payloadcms/db-sqlite/drizzle'
import type { NotificationEvent } from './templates/index.ts'
import { drizzleTable } from '../database/index.ts'
import { jobRunnerOf } from '../plugins/jobs/runner.ts'
import { clinicRules, clinicSends } from './clinicRules.ts'
import { wants } from './preferences.ts'

type Id = number | string
export type Channel = 'email' | 'sms' | 'in-app'

/** One message to plan: to whom, about what, when; `key` makes it unique per visit, kind and recipient. */
export type PlannedMessage = {
  tenant: Id
  recipient: Id
  event: NotificationEvent
  /** Which message of its event (`reminder-24h`); the event itself when it has one message. */
  kind: string
  appointment?: Id
  scheduledFor: Date
  /** Unique per visit, kind and recipient (and the visit's time, for messages about a time); the channel is added. */
  key: string
  /** Ids and times the message is written from at send time: never clinical content. */
  details?: Record<string, unknown>
}

/** The channels a message can go through: the inbox on the clinic's site, email and SMS, as its recipient chose. */
export const CHANNELS: readonly Channel[] = ['email', 'sms', 'in-app']

/** Shown in the inbox and the admin list until the message is sent with its rendered subject. */
const PLANNED_SUBJECT: Record<string, string> = {
  'account.created': 'Welcome',
  announcement: 'News from your clinic',
  'appointment.reminder': 'Visit reminder',
  'appointment.starting': 'Your visit is starting',
  'appointment.booked': 'Visit booked',
  'appointment.confirmed': 'Visit confirmed',
  'appointment.rescheduled': 'Visit moved',
  'appointment.cancelled': 'Visit cancelled',
  'record.shared': 'A document was shared with you',
  'prescription.signed': 'A new prescription',
  'payment.receipt': 'Payment receipt',
  'payment.refund': 'Refund',
}

/**
 * Writes planned messages, one per channel its recipient gets it on (see
 * preferences.ts; not at all when the clinic turned it off), skipping any whose key is already
 * there (unless it was cancelled: it is planned again): the database's unique
 * key, not a check in code, keeps a message from being planned twice (two
 * processes, a replayed event). On SQLite and
 * PostgreSQL one INSERT for all of them, off Payload's per-document path (these
 * rows are the platform's own: no access check or audit entry applies); on
 * MongoDB, Payload's creates, a duplicate key refused per row.
 */
export async function planMessages(payload: Payload, messages: PlannedMessage[]): Promise<void> {
  const rules = await rulesOf(payload, messages)
  messages = messages.filter((m) => clinicSends(rules.get(String(m.tenant))!.turnedOff, m.event))
  if (!messages.length) return
  const now = new Date().toISOString()
  const people = await recipientsOf(payload, messages)
  const rows = messages.flatMap((m) =>
    CHANNELS.filter((channel) =>
      wants(people.get(String(m.recipient)) ?? null, m.tenant, m.event, channel, rules.get(String(m.tenant))!.alwaysByEmail),
    ).map((channel) => ({
      tenant: m.tenant,
      recipient: m.recipient,
      channel,
      event: m.event,
      kind: m.kind,
      appointment: m.appointment ?? null,
      subject: PLANNED_SUBJECT[m.event] ?? 'Message from your clinic',
      status: 'scheduled',
      scheduledFor: m.scheduledFor.toISOString(),
      dedupeKey: `${m.key}:${m.recipient}:${channel}`,
      details: m.details ?? null,
      attempts: 0,
      updatedAt: now,
      createdAt: now,
    })),
  )
  const drizzle = await drizzleTable({ payload }, 'notifications')
  if (drizzle) {
    const { table } = drizzle
    // A message cancelled earlier comes back when it is planned again (a visit moved away and back to the
    // same time gets its reminders again); one that was sent, failed or is waiting is left as it is.
    const db = drizzle.db as unknown as { insert(t: unknown): { values(v: object[]): { onConflictDoUpdate(c: object): Promise<unknown> } } }
    await db
      .insert(table)
      .values(rows)
      .onConflictDoUpdate({
        target: table.dedupeKey,
        set: { status: 'scheduled', decision: null, scheduledFor: sql.raw('excluded.scheduled_for'), updatedAt: now },
        setWhere: eq(table.status, 'cancelled'),
      })
  } else {
    for (const row of rows) {
      const { updatedAt: _u, createdAt: _c, ...data } = row
      await payload.create({ collection: 'notifications', data: data as never, depth: 0 }).catch((error: unknown) => {
        if (!/duplicate|unique/i.test(String((error as Error).message))) throw error
      })
    }
  }
  // Messages due now go at once when this process sends them; the others at their time.
  if (messages.some((m) => m.scheduledFor.getTime() <= Date.now())) jobRunnerOf(payload)?.nudge()
}

/** Each clinic's rules (Clinics → Notifications): a message it turned off is not planned; one it marked essential goes by email. */
async function rulesOf(payload: Payload, messages: PlannedMessage[]) {
  const tenants = [...new Set(messages.map((m) => String(m.tenant)))]
  return new Map(await Promise.all(tenants.map(async (t) => [t, await clinicRules(payload, t)] as const)))
}

/** The recipients' choices of channels and phone numbers, in one read (the platform's own: no audit entry). */
async function recipientsOf(payload: Payload, messages: PlannedMessage[]) {
  const ids = [...new Set(messages.map((m) => m.recipient))]
  const { docs } = await payload.db.find<{ id: Id; messagePreferences?: unknown; patientProfile?: { phone?: string | null } }>({
    collection: 'users',
    where: { id: { in: ids } },
    select: { messagePreferences: true, patientProfile: { phone: true } },
    limit: ids.length,
    pagination: false,
  })
  return new Map(docs.map((d) => [String(d.id), { messagePreferences: d.messagePreferences, phone: d.patientProfile?.phone }]))
}

/**
 * Cancels a visit's messages still waiting to go (all of them, or only those
 * before it: reminders and "starting"), with the reason: nothing planned for a cancelled or moved visit
 * goes out. The sender checks the visit again at send time, for a cancellation
 * that lands while it runs. One write straight to the database: the platform's
 * own bookkeeping, with no access check, validation or audit entry.
 */
export async function cancelPlanned(payload: Payload, appointment: Id, decision: string, only?: 'before-visit') {
  await payload.db.updateMany({
    collection: 'notifications',
    where: {
      and: [
        { appointment: { equals: appointment } },
        { status: { equals: 'scheduled' } },
        ...(only === 'before-visit' ? [{ or: [{ kind: { like: 'reminder-' } }, { kind: { equals: 'starting' } }] }] : []),
      ],
    },
    data: { status: 'cancelled', decision, updatedAt: new Date().toISOString() },
  })
}
