/**
 * A visit's messages to its patient: the booking confirmed at once by email and
 * in the inbox, reminders a day and an hour before, at the right instants,
 * re-planned when the visit moves, never sent for a cancelled visit, sent once
 * when the channel fails and recovers, skipped when they would come too late.
 * The clock is the test's: the sender is called with the instant to act at
 * (the server's own runner is off here, JOBS_IN_SERVER=false).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Notification } from '../src/payload-types.ts'
import { planMessages } from '../src/notifications/plan.ts'
import { sendDueNotifications } from '../src/notifications/send.ts'
import { client, signIn, type Client } from './support/http.ts'
import { outbox } from './support/outbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createPrescription, createRecord, openAllWeek, PASSWORD, visitAt, type World } from './support/world.ts'

const HOUR = 3_600_000
const MINUTE = 60_000
let server: TestServer
let world: World
let payload: Payload
let patient: Client

beforeAll(async () => {
  ;({ server, world } = await startWorld({ JOBS_IN_SERVER: 'false' }))
  payload = server.payload
  await openAllWeek(payload, world.alpha.doctor, { bookingHorizonDays: 30 })
  await payload.update({
    collection: 'tenants',
    id: world.alpha.id,
    data: { bookingPolicy: { maxUpcomingVisits: 100 } },
    overrideAccess: true,
  })
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
})
afterAll(() => server?.close())

let hoursAhead = 100
/** A free half-hour some days ahead, a different one each call. */
const nextStart = () => new Date(Math.ceil((Date.now() + (hoursAhead += 3) * HOUR) / (30 * MINUTE)) * 30 * MINUTE).toISOString()

async function book(reason = 'Chest pain since Monday') {
  const res = await patient.request(
    'POST',
    '/api/appointments/book',
    { doctor: world.alpha.doctor, start: nextStart(), reason },
    { 'Idempotency-Key': crypto.randomUUID() },
  )
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as { id: number; start: string }
}

/** The visit's messages as the database holds them, oldest planned first. */
async function messagesOf(appointment: number): Promise<Notification[]> {
  const { docs } = await payload.find({
    collection: 'notifications',
    where: { appointment: { equals: appointment } },
    sort: 'scheduledFor',
    limit: 0,
    pagination: false,
    depth: 0,
  })
  return docs
}
/** Planning runs once the booking is committed: wait for the rows. */
async function plannedFor(appointment: number, count: number): Promise<Notification[]> {
  await expect.poll(async () => (await messagesOf(appointment)).length, { timeout: 5_000 }).toBe(count)
  return messagesOf(appointment)
}
const summary = (messages: Notification[]) => messages.map((m) => `${m.kind} ${m.channel} ${m.status}`).sort()
const emailsAbout = (visitId: number) => outbox().filter((m) => m.body.includes(`/visits/${visitId}`))

describe('a booked visit', () => {
  it('is confirmed at once by email and in the inbox, with two reminders planned at 24 h and 1 h before, in both channels', async () => {
    const visit = await book()
    const planned = await plannedFor(visit.id, 8)
    const start = Date.parse(visit.start)
    const at = (kind: string) => planned.filter((m) => m.kind === kind).map((m) => Date.parse(m.scheduledFor!))
    expect(at('reminder-24h')).toEqual([start - 24 * HOUR, start - 24 * HOUR])
    expect(at('reminder-1h')).toEqual([start - HOUR, start - HOUR])
    // "Your visit is starting", with the link to join, when the call is open: 5 minutes before.
    expect(at('starting')).toEqual([start - 5 * MINUTE, start - 5 * MINUTE])

    await sendDueNotifications(payload, new Date())
    expect(summary(await messagesOf(visit.id))).toEqual([
      'appointment.booked email sent',
      'appointment.booked in-app sent',
      'reminder-1h email scheduled',
      'reminder-1h in-app scheduled',
      'reminder-24h email scheduled',
      'reminder-24h in-app scheduled',
      'starting email scheduled',
      'starting in-app scheduled',
    ])
    // The email: to the patient, in the clinic's name, with a link to the visit and nothing of its reason.
    const [email] = emailsAbout(visit.id)
    expect(email!.to).toContain(world.alpha.patient.email)
    expect(email!.from).toMatch(/^"?Clinic alpha"? </)
    expect(email!.body).not.toMatch(/Chest pain/i)
    // The inbox: the patient reads the in-app message through the API, and only their own.
    const inbox = await patient.request(
      'GET',
      '/api/notifications?where[channel][equals]=in-app&where[status][equals]=sent&limit=100&depth=0',
    )
    expect(inbox.status).toBe(200)
    expect(
      inbox.body.docs.some((m: Notification) => m.event === 'appointment.booked' && m.body),
      JSON.stringify(inbox.body.docs.slice(0, 2)),
    ).toBe(true)
    expect(inbox.body.docs.every((m: Notification) => m.recipient === world.alpha.patient.id)).toBe(true)
    expect(inbox.body.docs[0]).not.toHaveProperty('dedupeKey')
    expect(inbox.body.docs[0]).not.toHaveProperty('details')
  })

  it('gets each reminder at its instant, once, even with two senders at the same moment', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    const start = Date.parse(visit.start)
    await sendDueNotifications(payload, new Date())
    // A minute before the 24 h reminder: nothing more goes.
    await sendDueNotifications(payload, new Date(start - 24 * HOUR - MINUTE))
    expect(emailsAbout(visit.id)).toHaveLength(1)
    await Promise.all([
      sendDueNotifications(payload, new Date(start - 24 * HOUR)),
      sendDueNotifications(payload, new Date(start - 24 * HOUR)),
    ])
    expect(summary(await messagesOf(visit.id))).toContain('reminder-24h email sent')
    expect(summary(await messagesOf(visit.id))).toContain('reminder-1h email scheduled')
    await sendDueNotifications(payload, new Date(start - HOUR + 10_000))
    const emails = emailsAbout(visit.id)
    expect(emails).toHaveLength(3)
    expect(emails.filter((m) => /remind/i.test(m.subject))).toHaveLength(2)
  })
})

describe('a visit that changes', () => {
  it('moved: the old reminders are cancelled, new ones planned at the new time, and the patient is told of the move', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    const to = nextStart()
    const moved = await patient.request('POST', `/api/appointments/${visit.id}/reschedule`, { start: to })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    const after = await plannedFor(visit.id, 16)
    const reminders = after.filter((m) => m.kind?.startsWith('reminder-'))
    expect(reminders.filter((m) => m.status === 'cancelled').map((m) => Date.parse(m.scheduledFor!))).toEqual(
      expect.arrayContaining([Date.parse(visit.start) - 24 * HOUR, Date.parse(visit.start) - HOUR]),
    )
    expect(
      reminders
        .filter((m) => m.status === 'scheduled')
        .map((m) => Date.parse(m.scheduledFor!))
        .sort(),
    ).toEqual([Date.parse(to) - 24 * HOUR, Date.parse(to) - 24 * HOUR, Date.parse(to) - HOUR, Date.parse(to) - HOUR].sort())
    await sendDueNotifications(payload, new Date())
    expect(summary(await messagesOf(visit.id))).toContain('appointment.rescheduled email sent')
    // At the old reminder's time nothing goes; at the new one it does.
    await sendDueNotifications(payload, new Date(Date.parse(visit.start) - HOUR))
    expect(emailsAbout(visit.id).filter((m) => /remind/i.test(m.subject))).toHaveLength(
      Date.parse(visit.start) - HOUR >= Date.parse(to) - 24 * HOUR ? 1 : 0,
    )
  })

  it('moved away and back: the reminders of that time are planned again, and each move is told', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    const away = nextStart()
    expect((await patient.request('POST', `/api/appointments/${visit.id}/reschedule`, { start: away })).status).toBe(200)
    await plannedFor(visit.id, 16)
    expect((await patient.request('POST', `/api/appointments/${visit.id}/reschedule`, { start: visit.start })).status).toBe(200)
    await plannedFor(visit.id, 18)
    const reminders = (await messagesOf(visit.id)).filter((m) => m.kind?.startsWith('reminder-'))
    const at = (status: string) =>
      reminders
        .filter((m) => m.status === status)
        .map((m) => Date.parse(m.scheduledFor!))
        .sort()
    const start = Date.parse(visit.start)
    expect(at('scheduled')).toEqual([start - 24 * HOUR, start - 24 * HOUR, start - HOUR, start - HOUR])
    expect((await messagesOf(visit.id)).filter((m) => m.kind === 'appointment.rescheduled')).toHaveLength(4)
  })

  it('cancelled: nothing planned is ever sent, and the patient is told who cancelled', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    await sendDueNotifications(payload, new Date())
    const cancelled = await patient.request('POST', `/api/appointments/${visit.id}/cancel`, { reason: 'Feeling better' })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    await plannedFor(visit.id, 10)
    await sendDueNotifications(payload, new Date(Date.parse(visit.start) - HOUR))
    const messages = await messagesOf(visit.id)
    expect(summary(messages.filter((m) => m.kind?.startsWith('reminder-')))).toEqual([
      'reminder-1h email cancelled',
      'reminder-1h in-app cancelled',
      'reminder-24h email cancelled',
      'reminder-24h in-app cancelled',
    ])
    const emails = emailsAbout(visit.id)
    expect(emails.map((m) => m.subject)).toEqual([expect.anything(), expect.stringMatching(/cancel/i)])
    expect(emails[1]!.body).toMatch(/was cancelled by you\./)
    expect(emails[1]!.body).not.toMatch(/Feeling better/)
  })

  it('cancelled after its reminder was planned but before it was sent: the sender reads the visit at send time and sends nothing', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    // Cancelled behind the planner's back (as a cancellation racing the sender would look to it).
    await payload.db.updateOne({ collection: 'appointments', where: { id: { equals: visit.id } }, data: { status: 'cancelled' } })
    await sendDueNotifications(payload, new Date(Date.parse(visit.start) - HOUR))
    const reminders = (await messagesOf(visit.id)).filter((m) => m.kind?.startsWith('reminder-'))
    expect(reminders.map((m) => [m.status, m.decision])).toEqual(Array(4).fill(['cancelled', 'The visit was cancelled.']))
    expect(emailsAbout(visit.id).filter((m) => /remind/i.test(m.subject))).toHaveLength(0)
  })
})

describe('sending', () => {
  it('retries a channel that fails, with growing waits, and sends once when it recovers', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    const email = payload.email as unknown as { sendEmailNow: (m: unknown) => Promise<unknown> }
    const real = email.sendEmailNow
    let refusals = 2
    email.sendEmailNow = (m) => (refusals-- > 0 ? Promise.reject(new Error('421 mail server busy')) : real(m))
    try {
      let now = Date.now()
      await sendDueNotifications(payload, new Date(now))
      let [booked] = (await messagesOf(visit.id)).filter((m) => m.kind === 'appointment.booked' && m.channel === 'email')
      expect([booked!.status, booked!.attempts, booked!.error]).toEqual(['scheduled', 1, '421 mail server busy'])
      expect(Date.parse(booked!.scheduledFor!)).toBe(now + 30_000)
      now += 30_000
      await sendDueNotifications(payload, new Date(now))
      ;[booked] = (await messagesOf(visit.id)).filter((m) => m.kind === 'appointment.booked' && m.channel === 'email')
      expect([booked!.status, booked!.attempts, Date.parse(booked!.scheduledFor!)]).toEqual(['scheduled', 2, now + 60_000])
      await sendDueNotifications(payload, new Date(now + 60_000))
      ;[booked] = (await messagesOf(visit.id)).filter((m) => m.kind === 'appointment.booked' && m.channel === 'email')
      expect(booked!.status).toBe('sent')
      expect(emailsAbout(visit.id)).toHaveLength(1)
    } finally {
      email.sendEmailNow = real
    }
  })

  it('marks a message failed, with the error, after its last retry', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    const email = payload.email as unknown as { sendEmailNow: (m: unknown) => Promise<unknown> }
    const real = email.sendEmailNow
    email.sendEmailNow = () => Promise.reject(new Error('550 mailbox unavailable'))
    try {
      for (let tries = 0, now = Date.now(); tries < 4; tries++, now += 10 * 60_000) await sendDueNotifications(payload, new Date(now))
    } finally {
      email.sendEmailNow = real
    }
    const [booked] = (await messagesOf(visit.id)).filter((m) => m.kind === 'appointment.booked' && m.channel === 'email')
    expect([booked!.status, booked!.attempts, booked!.error]).toEqual(['failed', 4, '550 mailbox unavailable'])
  })

  it('sends "your visit is starting" with the link to join, late while the visit lasts, never after it ended', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    const start = Date.parse(visit.start)
    await sendDueNotifications(payload, new Date(start - 5 * MINUTE))
    const starting = emailsAbout(visit.id).find((m) => /starting/i.test(m.subject))!
    expect(starting.body).toContain(`/visits/${visit.id}`)
    // Another visit, whose platform was down through it: its "starting" is skipped, saying why.
    const other = await book()
    await plannedFor(other.id, 8)
    await sendDueNotifications(payload, new Date(Date.parse(other.start) + 31 * MINUTE))
    const skipped = (await messagesOf(other.id)).find((m) => m.kind === 'starting' && m.channel === 'email')!
    expect([skipped.status, skipped.decision]).toEqual(['skipped', expect.stringMatching(/visit had ended/)])
  })

  it('skips an hour-before reminder that would arrive after the visit began, and says why; sends a day-before one late while still useful', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    const start = Date.parse(visit.start)
    // The platform was not sending from before the day-before reminder until after the visit began.
    await sendDueNotifications(payload, new Date(start - 20 * HOUR))
    const dayBefore = (await messagesOf(visit.id)).find((m) => m.kind === 'reminder-24h' && m.channel === 'email')!
    expect([dayBefore.status, dayBefore.decision]).toEqual(['sent', expect.stringMatching(/^Sent 240 minutes late/)])
    await sendDueNotifications(payload, new Date(start + 5 * MINUTE))
    const hourBefore = (await messagesOf(visit.id)).find((m) => m.kind === 'reminder-1h' && m.channel === 'email')!
    expect([hourBefore.status, hourBefore.decision]).toEqual(['skipped', expect.stringMatching(/visit had begun/)])
  })

  it('tells nothing of a visit already over when it is entered (history, a visit noted afterwards)', async () => {
    const past = await visitAt(payload, world.alpha, Date.now() - 3 * HOUR)
    const future = await visitAt(payload, world.alpha, Date.parse(nextStart()))
    await plannedFor(future.id, 8)
    expect(await messagesOf(past.id)).toEqual([])
  })

  it('plans a message once whatever plans it again: the database refuses the same key', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    const again = {
      tenant: world.alpha.id,
      recipient: world.alpha.patient.id,
      event: 'appointment.booked' as const,
      kind: 'appointment.booked',
      appointment: visit.id,
      scheduledFor: new Date(),
      key: `${visit.id}:booked`,
    }
    await Promise.all([planMessages(payload, [again]), planMessages(payload, [again])])
    expect(await messagesOf(visit.id)).toHaveLength(8)
  })
})

describe('records and prescriptions', () => {
  it('tell the patient a document was shared or a prescription signed, with a link and neither its title nor the medication', async () => {
    const record = await createRecord(payload, world.alpha.id, world.alpha.patient.id, 'HIV test result')
    const prescription = await createPrescription(payload, world.alpha.id, world.alpha.patient.id, world.alpha.doctor)
    const keyed = async (prefix: string) =>
      (await payload.find({ collection: 'notifications', where: { dedupeKey: { like: prefix } }, depth: 0, limit: 10 })).docs
    await expect.poll(async () => (await keyed(`record-${record}:`)).length + (await keyed(`prescription-${prescription}:`)).length).toBe(4)
    await sendDueNotifications(payload, new Date())
    const emails = outbox().filter((m) => m.to.includes(world.alpha.patient.email) && /document|prescription/i.test(m.subject))
    const recordEmail = emails.find((m) => m.body.includes('/records'))!
    const prescriptionEmail = emails.find((m) => m.body.includes('/prescriptions'))!
    expect(recordEmail.body).not.toMatch(/HIV/)
    expect(prescriptionEmail.body).toMatch(/Dr\. One alpha/)
    expect(prescriptionEmail.body).not.toMatch(/Ibuprofen|200 mg|One tablet/i)
    const inApp = (await keyed(`prescription-${prescription}:`)).find((m) => m.channel === 'in-app')!
    expect([inApp.status, inApp.body]).toEqual(['sent', expect.not.stringMatching(/Ibuprofen/)])
  })
})

describe('who reads messages', () => {
  it('a patient reads only their own; another clinic’s admin reads none of this clinic’s', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    const other = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    const theirs = await other.request('GET', `/api/notifications?where[appointment][equals]=${visit.id}`)
    expect([theirs.status, theirs.body.docs]).toEqual([200, []])
    const betaAdmin = await signIn(server.url, world.beta.admin.email, PASSWORD)
    expect((await betaAdmin.request('GET', `/api/notifications?where[appointment][equals]=${visit.id}`)).body.docs).toEqual([])
    const alphaAdmin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    expect((await alphaAdmin.request('GET', `/api/notifications?where[appointment][equals]=${visit.id}`)).body.docs).toHaveLength(8)
    expect((await client(server.url).request('GET', '/api/notifications')).status).toBe(403)
    // A clinic's message settings and templates are not part of its public face.
    const publicClinic = await client(server.url).request('GET', `/api/tenants/${world.alpha.id}?depth=0`)
    expect([publicClinic.status, publicClinic.body.notifications]).toEqual([200, undefined])
    expect((await betaAdmin.request('GET', `/api/tenants/${world.alpha.id}?depth=0`)).body.notifications).toBeUndefined()
    expect((await alphaAdmin.request('GET', `/api/tenants/${world.alpha.id}?depth=0`)).body.notifications).toHaveProperty('reminderHours')
    // A clinic's admin writes messages to its members, but never points one at a visit (least of all another clinic's):
    // the sender would write that visit's doctor and time into it.
    const written = await alphaAdmin.request('POST', '/api/notifications?depth=0', {
      tenant: world.alpha.id,
      recipient: world.alpha.patient.id,
      event: 'appointment.reminder',
      subject: 'Hello',
      channel: 'in-app',
      appointment: world.beta.appointment,
      kind: 'reminder-1h',
      scheduledFor: new Date().toISOString(),
    })
    expect(written.status, JSON.stringify(written.body)).toBe(201)
    expect([written.body.doc.appointment ?? null, written.body.doc.kind ?? null]).toEqual([null, null])
    // It goes as the admin wrote it, as an announcement of the clinic.
    await sendDueNotifications(payload, new Date())
    const sent = await payload.findByID({ collection: 'notifications', id: written.body.doc.id, depth: 0 })
    expect([sent.status, sent.subject]).toEqual(['sent', 'Hello'])
    // A patient cannot plan or change messages.
    expect(
      (
        await patient.request('POST', '/api/notifications', {
          recipient: world.alpha.patient.id,
          event: 'x',
          subject: 'x',
          channel: 'email',
        })
      ).status,
    ).toBe(403)
  })
})

describe('what a clinic admin may change', () => {
  it('cancels a planned message or sends a failed one again, but never re-aims, rewords or resends one the platform wrote', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    await sendDueNotifications(payload, new Date())
    const admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    const rows = await messagesOf(visit.id)
    const booked = rows.find((m) => m.kind === 'appointment.booked' && m.channel === 'email')!
    const reminder = rows.find((m) => m.kind === 'reminder-24h' && m.channel === 'email')!
    // Re-aimed at another patient, or sent again once it went: refused, nothing changes.
    const reaimed = await admin.request('PATCH', `/api/notifications/${booked.id}`, { recipient: world.alpha.otherPatient.id })
    expect(reaimed.status).toBe(400)
    const again = await admin.request('PATCH', `/api/notifications/${booked.id}`, { status: 'scheduled' })
    expect([again.status, JSON.stringify(again.body)]).toEqual([400, expect.stringMatching(/cannot become scheduled/)])
    const reworded = await admin.request('PATCH', `/api/notifications/${reminder.id}`, { event: 'appointment.cancelled' })
    expect(reworded.status).toBe(400)
    expect((await payload.findByID({ collection: 'notifications', id: booked.id, depth: 0 })).recipient).toBe(world.alpha.patient.id)
    // Cancelled before it goes: allowed, and it never goes.
    expect((await admin.request('PATCH', `/api/notifications/${reminder.id}`, { status: 'cancelled' })).status).toBe(200)
    await sendDueNotifications(payload, new Date(Date.parse(visit.start) - 24 * HOUR))
    expect((await payload.findByID({ collection: 'notifications', id: reminder.id, depth: 0 })).status).toBe('cancelled')
    // A failed one is sent again, once, at once.
    await payload.update({ collection: 'notifications', id: booked.id, data: { status: 'failed', error: '550 mailbox unavailable' } })
    expect((await admin.request('PATCH', `/api/notifications/${booked.id}`, { status: 'scheduled' })).status).toBe(200)
    await sendDueNotifications(payload, new Date())
    expect((await payload.findByID({ collection: 'notifications', id: booked.id, depth: 0 })).status).toBe('sent')
    expect(emailsAbout(visit.id).filter((m) => /booked/i.test(m.subject))).toHaveLength(2)
    // The mail server's words are for the clinic's staff, not the patient.
    const own = await patient.request('GET', `/api/notifications/${booked.id}?depth=0`)
    expect(own.status).toBe(200)
    expect(own.body).not.toHaveProperty('error')
  })
})

describe('the inbox', () => {
  it('counts unread messages, and marks read only the reader’s own', async () => {
    const visit = await book()
    await plannedFor(visit.id, 8)
    await sendDueNotifications(payload, new Date())
    const unreadQuery = `/api/notifications?where[channel][equals]=in-app&where[status][equals]=sent&where[readAt][exists]=false&limit=100&depth=0`
    const unread = (await patient.request('GET', unreadQuery)).body.docs as Notification[]
    expect(unread.length).toBeGreaterThan(0)
    const other = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    // Another patient marking these ids changes nothing, and learns nothing.
    expect((await other.request('POST', '/api/notifications/read', { ids: unread.map((m) => m.id) })).body).toEqual({
      unread: expect.any(Number),
    })
    expect((await patient.request('GET', unreadQuery)).body.docs).toHaveLength(unread.length)
    // Nobody sets readAt through the collection either.
    const admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    await admin.request('PATCH', `/api/notifications/${unread[0]!.id}`, { readAt: new Date().toISOString() })
    expect((await patient.request('GET', unreadQuery)).body.docs).toHaveLength(unread.length)

    const first = await patient.request('POST', '/api/notifications/read', { ids: [unread[0]!.id] })
    expect(first.body).toEqual({ unread: unread.length - 1 })
    expect(await patient.request('POST', '/api/notifications/read', { all: true })).toMatchObject({ status: 200, body: { unread: 0 } })
    expect((await patient.request('POST', '/api/notifications/read', { ids: 'all' })).status).toBe(400)
    expect((await client(server.url).request('POST', '/api/notifications/read', { all: true })).status).toBe(401)
  })
})

describe('a clinic’s own templates', () => {
  it('are refused when saved broken, with the line; once saved, they write the clinic’s messages', async () => {
    const admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    const broken = await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, {
      notifications: { templates: [{ event: 'appointment.booked', part: 'subject', source: 'Booked with {{doctorName}}\n{{#if when}}' }] },
    })
    expect(broken.status).toBe(400)
    expect(JSON.stringify(broken.body)).toMatch(/Line 2/)
    const saved = await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, {
      notifications: {
        templates: [{ event: 'appointment.booked', part: 'subject', source: 'Booked with {{doctorName}} at {{clinicName}}' }],
      },
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    try {
      const visit = await book()
      await plannedFor(visit.id, 8)
      await sendDueNotifications(payload, new Date())
      expect(emailsAbout(visit.id).map((m) => m.subject)).toEqual(['Booked with Dr. One alpha at Clinic alpha'])
    } finally {
      await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, { notifications: { templates: [] } })
    }
  })
})
