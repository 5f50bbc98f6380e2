import { formatMoney } from '../payments/money.ts'
import { createLocalReq, type Payload } from 'payload'
import type { Notification } from '../payload-types.ts'
import { and, eq, inArray } from '@payloadcms/db-sqlite/drizzle'
import { idOf } from '../access/roles.ts'
import { drizzleTable, lookup } from '../database/index.ts'
import { clinicZone } from '../admin/clinicTime/clinicZone.ts'
import { clinicSender, clinicSite } from '../email/clinicLink.ts'
import { sendEmailNow } from '../email/emailAdapter.ts'
import { env } from '@telemed/config'
import { channelFor, sendThrough } from './channels.ts'
import { tellInbox } from '../live/hub.ts'
import { alwaysByEmailIn, clinicSends, turnedOffIn } from './clinicRules.ts'
import { TOPICS, topicOf, wants } from './preferences.ts'
import { unsubscribeToken } from './preferencesEndpoints.ts'
import { formatWhen, type NotificationEvent, type RenderedMessage } from './templates/index.ts'
import { emailLogoOf, renderForClinic } from './renderForClinic.ts'

const MINUTE = 60_000
/** Attempts after the first one fails, each after twice the wait of the one before, from RETRY_AFTER_MS. */
export const RETRIES = 3
const RETRY_AFTER_MS = 30_000
/** A message claimed for sending this long ago and never settled: its sender stopped mid-way. */
const STALLED_AFTER_MS = 15 * MINUTE
/** Messages sent per pass; the runner comes back at once while there are more. */
const BATCH = 100
/** Messages taken at a time by one conditional write. */
const CLAIM = 10
/** Later than this past its time, a message says it went late, and why. */
const LATE_AFTER_MS = 5 * MINUTE

type Visit = { id: number; status: string; start: string; end: string; patient: unknown; doctor: unknown; tenant: unknown }
type Outcome = { status: 'cancelled' | 'skipped'; decision: string }

/** How long before the visit a reminder goes, in the reader's words. */
const leadTime = (hours: number) =>
  hours >= 24 && hours % 24 === 0 ? (hours === 24 ? 'tomorrow' : `in ${hours / 24} days`) : hours === 1 ? 'in 1 hour' : `in ${hours} hours`

async function cancelledBy(reads: Reads, actor: unknown, visit: Visit): Promise<string> {
  const actorId = idOf(actor)
  if (actorId === null) return 'the clinic'
  if (actorId === idOf(visit.patient)) return 'you'
  const doctor = await reads.doctor(idOf(visit.doctor)!).catch(() => null)
  if (doctor && idOf(doctor.user) === actorId) return doctor.displayName
  return 'the clinic'
}

/**
 * What a pass of the sender reads about the people and clinics of its messages,
 * each read once per pass (a pass sends up to BATCH messages, often of one
 * clinic and doctor). The platform's own reads: the recipient through `lookup`
 * (no audit entry, as for every internal look-up). The visit is not kept: it is
 * read afresh for each decision.
 */
function passReads(payload: Payload) {
  const kept = new Map<string, Promise<any>>()
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let value = kept.get(key)
    if (!value) kept.set(key, (value = load()))
    return value
  }
  const req = once('req', () => createLocalReq({}, payload))
  return {
    payload,
    req,
    clinic: (id: number | string) => once(`clinic:${id}`, () => payload.findByID({ collection: 'tenants', id, depth: 0 })),
    site: (id: number | string) => once(`site:${id}`, async () => clinicSite(await req, id)),
    zone: (id: number | string) => once(`zone:${id}`, () => clinicZone(payload, id)),
    logo: (id: number | string, brand: unknown) => once(`logo:${id}`, async () => emailLogoOf(await req, brand)),
    doctor: (id: number | string) =>
      once(`doctor:${id}`, () => payload.findByID({ collection: 'doctors', id, depth: 0, select: { displayName: true, user: true } })),
    person: (id: number | string) =>
      once(`person:${id}`, async () => {
        const found = await lookup.byId(await req, 'users', id, {
          name: true,
          email: true,
          messagePreferences: true,
          timeZone: true,
          patientProfile: { phone: true },
        })
        return found && { ...found, phone: (found.patientProfile as { phone?: string | null } | null)?.phone ?? null }
      }),
    channel: (kind: 'email' | 'sms', clinic: number | string) => once(`channel:${kind}:${clinic}`, () => channelFor(payload, kind, clinic)),
  }
}
type Reads = ReturnType<typeof passReads>

/** Renders a message from what the platform holds now: names, times in the clinic's zone (named), links. */
async function render(reads: Reads, message: Notification, visit: Visit | null): Promise<RenderedMessage> {
  const tenant = idOf(message.tenant)!
  const [clinic, recipient, site, clinicZoneName] = await Promise.all([
    reads.clinic(tenant),
    reads.person(idOf(message.recipient)!),
    reads.site(tenant),
    reads.zone(tenant),
  ])
  const details = (message.details ?? {}) as Record<string, unknown>
  // Times in the recipient's own zone when they chose one, else the clinic's; named either way.
  const zone = (recipient?.timeZone as string | null | undefined) || clinicZoneName
  const values: Record<string, unknown> = { recipientName: recipient?.name ?? '', clinicName: clinic.name, link: `${site}/inbox` }
  const topic = topicOf(message.event as NotificationEvent)
  if (message.channel === 'email' && offersUnsubscribe(message, clinic))
    values.unsubscribeLink = `${site}/unsubscribe?token=${unsubscribeToken(reads.payload, idOf(message.recipient)!, tenant, topic)}`
  if (visit) {
    const doctor = await reads.doctor(idOf(visit.doctor)!)
    Object.assign(values, { doctorName: doctor.displayName, when: formatWhen(visit.start, zone), link: `${site}/visits/${visit.id}` })
    if (typeof details.previousStart === 'string') values.previousWhen = formatWhen(details.previousStart, zone)
    if (typeof details.hours === 'number') values.leadTime = leadTime(details.hours)
    if (message.event === 'appointment.cancelled') values.cancelledBy = await cancelledBy(reads, details.actor, visit)
    if (message.event === 'chat.message') {
      const toDoctor = idOf(message.recipient) === idOf(doctor.user)
      values.senderName = toDoctor ? ((await reads.person(idOf(visit.patient)!))?.name ?? 'Your patient') : doctor.displayName
      if (toDoctor) values.link = `${site}/doctor/visits/${visit.id}`
    }
  }
  if (message.event === 'account.created') values.link = `${site}/`
  if (message.event === 'announcement') Object.assign(values, { title: details.title, message: details.message })
  if (message.event === 'record.shared') values.link = `${site}/records`
  if (message.event === 'prescription.signed') {
    values.link = `${site}/prescriptions`
    const doctor = idOf(details.doctor)
    if (doctor !== null) values.doctorName = (await reads.doctor(doctor)).displayName
  }
  if (message.event === 'payment.receipt' || message.event === 'payment.refund') {
    values.link = `${site}/payments/${details.payment}`
    values.amount = formatMoney(Number(details.amount), String(details.currency))
  }
  // A message a clinic's admin wrote (no kind: the platform did not plan it) goes as written, as an announcement.
  const event = message.kind ? (message.event as NotificationEvent) : 'announcement'
  if (!message.kind) Object.assign(values, { title: message.subject, message: message.body ?? '' })
  return renderForClinic({ ...clinic, logoUrl: await reads.logo(tenant, clinic.brand) }, site, event, values)
}

/** What to do with a message whose time has come, given its visit as it is now. */
async function decide(reads: Reads, message: Notification, visit: Visit | null, now: Date): Promise<Outcome | null> {
  if (message.appointment == null) return null
  if (!visit) return { status: 'cancelled', decision: 'The visit no longer exists.' }
  // A message about a visit goes to that visit's patient (or, for a chat message, its doctor), in that visit's clinic, or not at all.
  const recipient = idOf(message.recipient)
  const toItsDoctor = message.event === 'chat.message' && recipient === idOf((await reads.doctor(idOf(visit.doctor)!)).user)
  if ((recipient !== idOf(visit.patient) && !toItsDoctor) || idOf(message.tenant) !== idOf(visit.tenant))
    return { status: 'cancelled', decision: 'Not sent: the message no longer matches its visit.' }
  const details = (message.details ?? {}) as { start?: string }
  if (message.event !== 'appointment.cancelled' && visit.status === 'cancelled')
    return { status: 'cancelled', decision: 'The visit was cancelled.' }
  if (message.event === 'appointment.rescheduled' && details.start && Date.parse(details.start) !== Date.parse(visit.start))
    return { status: 'cancelled', decision: 'The visit moved again: the message about the later move tells the new time.' }
  if (message.event === 'appointment.reminder' || message.event === 'appointment.starting') {
    if (details.start && Date.parse(details.start) !== Date.parse(visit.start))
      return { status: 'cancelled', decision: 'The visit moved to another time.' }
    if (!['requested', 'confirmed'].includes(visit.status)) return { status: 'cancelled', decision: `The visit is ${visit.status}.` }
    // A reminder is useless once the visit began; "starting" (the link to join) is useful until it ends.
    const uselessFrom = Date.parse(message.event === 'appointment.starting' ? visit.end : visit.start)
    if (now.getTime() >= uselessFrom)
      return {
        status: 'skipped',
        decision: `Not sent: the visit had ${message.event === 'appointment.starting' ? 'ended' : 'begun'} when this message could go (due ${message.scheduledFor}).`,
      }
  }
  return null
}

/**
 * Whether a message may still go, by the choices made since it was planned: the
 * clinic turned its kind off, or the recipient turned off its topic on its
 * channel (see preferences.ts). Such a message is skipped, saying why.
 */
async function turnedOff(reads: Reads, message: Notification): Promise<Outcome | null> {
  const event = message.event as NotificationEvent
  const tenant = idOf(message.tenant)!
  const clinic = await reads.clinic(tenant)
  if (message.kind && !clinicSends(turnedOffIn(clinic.notifications), event))
    return { status: 'skipped', decision: 'Not sent: the clinic turned these messages off (Clinics → Notifications).' }
  const person = await reads.person(idOf(message.recipient)!)
  if (!wants(person, tenant, event, message.channel, alwaysByEmailIn(clinic.notifications)))
    return {
      status: 'skipped',
      decision:
        message.channel === 'sms' && !person?.phone
          ? 'Not sent: the recipient has no phone number.'
          : `Not sent: the recipient turned off ${topicOf(event)} by ${message.channel}.`,
    }
  return null
}

/** Delivers one rendered message on its channel; throws when the channel refuses. */
async function deliver(reads: Reads, message: Notification, rendered: RenderedMessage): Promise<void> {
  if (message.channel === 'in-app') return // the message document is the inbox entry
  const tenant = idOf(message.tenant)!
  const [recipient, clinic, channel] = await Promise.all([
    reads.person(idOf(message.recipient)!),
    reads.clinic(tenant),
    reads.channel(message.channel, tenant),
  ])
  if (message.channel === 'sms') {
    if (!recipient?.phone) throw new Error('the recipient has no phone number')
    return sendThrough(channel!, { to: recipient.phone, subject: rendered.subject, text: rendered.sms })
  }
  if (!recipient?.email) throw new Error('the recipient has no email address')
  const email = { to: recipient.email, subject: rendered.subject, html: rendered.html, text: rendered.text }
  if (channel) return sendThrough(channel, email)
  await sendEmailNow(reads.payload, {
    ...email,
    from: clinicSender(reads.payload, clinic.name),
    headers: unsubscribeHeaders(reads.payload, message, clinic),
  })
}

/** Whether an email offers to unsubscribe: not for an essential topic, nor an event the clinic marked essential. */
const offersUnsubscribe = (message: Notification, clinic: { notifications?: unknown }) =>
  !TOPICS[topicOf(message.event as NotificationEvent)].essential && !alwaysByEmailIn(clinic.notifications).includes(message.event)

/** One-click unsubscribe (RFC 8058) for the mail program's own button, on every email that is not essential. */
function unsubscribeHeaders(payload: Payload, message: Notification, clinic: { notifications?: unknown }): Record<string, string> {
  if (!offersUnsubscribe(message, clinic)) return {}
  const topic = topicOf(message.event as NotificationEvent)
  const token = unsubscribeToken(payload, idOf(message.recipient)!, idOf(message.tenant)!, topic)
  return {
    'List-Unsubscribe': `<${env().PUBLIC_URL.replace(/\/$/, '')}/api/notifications/unsubscribe?token=${encodeURIComponent(token)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  }
}

/**
 * Sets a claimed message's outcome, only while it is still being sent by this
 * pass: one write straight to the database (the platform's own bookkeeping: no
 * access check, validation or audit entry).
 */
const settle = (payload: Payload, id: number, data: Record<string, unknown>) =>
  payload.db.updateMany({
    collection: 'notifications',
    where: { and: [{ id: { equals: id } }, { status: { equals: 'sending' } }] },
    data: { ...data, updatedAt: new Date().toISOString() },
  })

type ClaimQuery = { update(t: unknown): { set(v: object): { where(c: unknown): { returning(f: object): Promise<unknown[]> } } } }

/**
 * Takes due messages for this sender alone: one conditional write (scheduled →
 * sending) for the whole batch, so several runners (every server, `npm run
 * worker`) send each message once. Returns the ids this sender got.
 */
async function claim(payload: Payload, ids: number[]): Promise<Set<number>> {
  const drizzle = await drizzleTable({ payload }, 'notifications')
  if (drizzle) {
    const { db, table } = drizzle as unknown as { db: ClaimQuery; table: Record<string, any> }
    const taken = (await db
      .update(table)
      .set({ status: 'sending', updatedAt: new Date().toISOString() })
      .where(and(inArray(table.id, ids), eq(table.status, 'scheduled')))
      .returning({ id: table.id })) as { id: number }[]
    return new Set(taken.map((row) => row.id))
  }
  // MongoDB: a conditional update through the adapter (run one sender there: see docs/notifications.md).
  const taken = await payload.db.updateMany({
    collection: 'notifications',
    where: { and: [{ id: { in: ids } }, { status: { equals: 'scheduled' } }] },
    data: { status: 'sending', updatedAt: new Date().toISOString() },
  })
  return new Set((taken ?? []).map((row) => Number(row.id)))
}

/** The message's visit as it is now (the platform's own read), or null. */
const visitOf = (reads: Reads, message: Notification): Promise<Visit | null> => {
  const appointmentId = idOf(message.appointment)
  if (appointmentId === null) return Promise.resolve(null)
  const select = { status: true, start: true, end: true, patient: true, doctor: true, tenant: true } as const
  return reads.req.then((req) => lookup.byId(req, 'appointments', appointmentId, select) as Promise<Visit | null>)
}

/** A message drawn as the sender would draw it now, for the admin panel's view of one message. */
export async function renderMessage(payload: Payload, message: Notification): Promise<RenderedMessage> {
  const reads = passReads(payload)
  return render(reads, message, await visitOf(reads, message))
}

async function sendOne(reads: Reads, message: Notification, now: Date): Promise<void> {
  const { payload } = reads
  const readVisit = () => visitOf(reads, message)
  const visit = await readVisit()
  let outcome = (await decide(reads, message, visit, now)) ?? (await turnedOff(reads, message))
  if (outcome) return void (await settle(payload, message.id, { status: outcome.status, decision: outcome.decision }))
  const lateBy = now.getTime() - Date.parse(message.scheduledFor ?? now.toISOString())
  let rendered: RenderedMessage
  try {
    rendered = await render(reads, message, visit)
    // The visit is read again right before sending: a cancellation that landed while this ran stops it.
    outcome = await decide(reads, message, await readVisit(), now)
    if (outcome) return void (await settle(payload, message.id, { status: outcome.status, decision: outcome.decision }))
    await deliver(reads, message, rendered)
  } catch (error) {
    return retryLater(payload, message, now, error)
  }
  // Delivered: whatever happens now, the message is never put back to go again (it would arrive twice).
  try {
    await settle(payload, message.id, {
      status: 'sent',
      sentAt: new Date().toISOString(),
      subject: rendered.subject.slice(0, 200),
      // The inbox shows the in-app text behind sign-in; an email's text is not kept.
      body: message.channel === 'in-app' ? rendered.inApp.slice(0, 5000) : null,
      error: null,
      decision:
        lateBy > LATE_AFTER_MS ? `Sent ${Math.round(lateBy / MINUTE)} minutes late: the platform was not sending at its time.` : null,
    })
  } catch (error) {
    // Left as sending: after STALLED_AFTER_MS it is marked failed, saying it may have gone.
    payload.logger.error({ err: error, notification: message.id }, 'a message was sent but could not be marked sent')
  }
  // Pages of the recipient that are open hear of it (the unread count, the inbox).
  if (message.channel === 'in-app')
    await tellInbox(idOf(message.recipient)!).catch((error: unknown) => payload.logger.warn({ err: error }, 'could not tell an inbox'))
}

/** A channel refused: try again after a growing wait, or, after the last retry, mark it failed with the error. */
async function retryLater(payload: Payload, message: Notification, now: Date, error: unknown): Promise<void> {
  const attempts = (message.attempts ?? 0) + 1
  const reason = error instanceof Error ? error.message : String(error)
  payload.logger.warn({ notification: message.id, attempts }, 'a message could not be sent')
  await settle(
    payload,
    message.id,
    attempts > RETRIES
      ? { status: 'failed', attempts, error: reason.slice(0, 500) }
      : {
          status: 'scheduled',
          attempts,
          error: reason.slice(0, 500),
          scheduledFor: new Date(now.getTime() + RETRY_AFTER_MS * 2 ** (attempts - 1)).toISOString(),
        },
  )
}

/**
 * Sends the messages whose time has come (planned, or waiting for a retry), each
 * checked against its visit as it is at that moment. `now` is the clock the
 * decisions use (tests move it). Returns how many it took.
 */
export async function sendDueNotifications(payload: Payload, now: Date = new Date()): Promise<number> {
  await payload.db.updateMany({
    collection: 'notifications',
    where: {
      and: [{ status: { equals: 'sending' } }, { updatedAt: { less_than: new Date(now.getTime() - STALLED_AFTER_MS).toISOString() } }],
    },
    data: {
      status: 'failed',
      error:
        'The sender stopped while sending it, and it may have gone: not sent again on its own, so it cannot arrive twice. Send it again if it did not arrive.',
      updatedAt: now.toISOString(),
    },
  })
  const { docs } = await payload.find({
    collection: 'notifications',
    where: { and: [{ status: { equals: 'scheduled' } }, { scheduledFor: { less_than_equal: now.toISOString() } }] },
    sort: 'scheduledFor',
    limit: BATCH,
    depth: 0,
    overrideAccess: true,
  })
  const reads = passReads(payload)
  let sent = 0
  // Taken ten at a time: one write per ten, and a sender killed mid-way leaves at most ten messages
  // taken and not sent (marked failed after STALLED_AFTER_MS, never sent twice).
  for (let i = 0; i < docs.length; i += CLAIM) {
    const chunk = (docs as Notification[]).slice(i, i + CLAIM)
    const taken = await claim(
      payload,
      chunk.map((d) => d.id),
    )
    for (const message of chunk) if (taken.has(message.id)) await sendOne(reads, message, now)
    sent += taken.size
  }
  return sent
}
