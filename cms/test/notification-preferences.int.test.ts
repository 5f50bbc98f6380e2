/**
 * What a patient and a clinic choose about messages: channels per topic (texts
 * only with a phone number and when asked for; essential messages always by
 * email), one-click unsubscribe from an email, and messages a clinic turned off.
 * Choices made after a message was planned still count when it goes. Texts go
 * through the embedded SMS channel, which writes them to the outbox.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Notification } from '../src/payload-types.ts'
import { unsubscribeToken } from '../src/notifications/preferencesEndpoints.ts'
import { sendDueNotifications } from '../src/notifications/send.ts'
import { client, signIn, type Client } from './support/http.ts'
import { outbox, textsSent } from './support/outbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { openAllWeek, PASSWORD, type World } from './support/world.ts'

const HOUR = 3_600_000
const MINUTE = 60_000
const PHONE = '+44 20 7946 0321'
let server: TestServer
let world: World
let payload: Payload
let patient: Client
let admin: Client

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
  ;[patient, admin] = await Promise.all([
    signIn(server.url, world.alpha.patient.email, PASSWORD),
    signIn(server.url, world.alpha.admin.email, PASSWORD),
  ])
})
afterAll(() => server?.close())

let hoursAhead = 100
const nextStart = () => new Date(Math.ceil((Date.now() + (hoursAhead += 3) * HOUR) / (30 * MINUTE)) * 30 * MINUTE).toISOString()

async function book() {
  const res = await patient.request(
    'POST',
    '/api/appointments/book',
    { doctor: world.alpha.doctor, start: nextStart(), reason: 'Migraine with aura' },
    { 'Idempotency-Key': crypto.randomUUID() },
  )
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as { id: number; start: string }
}

async function messagesOf(appointment: number): Promise<Notification[]> {
  const { docs } = await payload.find({
    collection: 'notifications',
    where: { appointment: { equals: appointment } },
    limit: 0,
    pagination: false,
    depth: 0,
  })
  return docs
}
/** Planning runs once the booking is committed: wait until the booked message is there. */
async function planned(appointment: number): Promise<string[]> {
  await expect.poll(async () => (await messagesOf(appointment)).some((m) => m.kind === 'appointment.booked'), { timeout: 5_000 }).toBe(true)
  return summary(await messagesOf(appointment))
}
const summary = (messages: Notification[]) => messages.map((m) => `${m.kind} ${m.channel} ${m.status}`).sort()
const choose = (choices: Record<string, string[]>, who = patient, clinic: unknown = world.alpha.id) =>
  who.request('POST', '/api/notifications/preferences', { clinic, choices })
const topic = (body: { topics: { topic: string; channels: string[] }[] }, name: string) =>
  body.topics.find((t) => t.topic === name)!.channels

describe('a patient’s choices', () => {
  it('start as email for everything and no texts, for members of the clinic only', async () => {
    const mine = await patient.request('GET', `/api/notifications/preferences?clinic=${world.alpha.id}`)
    expect(mine.status, JSON.stringify(mine.body)).toBe(200)
    expect(mine.body.hasPhone).toBe(false)
    expect(mine.body.topics.every((t: { channels: string[] }) => t.channels.join() === 'email')).toBe(true)
    expect(mine.body.topics.filter((t: { essential: boolean }) => t.essential).map((t: { topic: string }) => t.topic)).toEqual([
      'account',
      'visits',
    ])
    expect((await client(server.url).request('GET', `/api/notifications/preferences?clinic=${world.alpha.id}`)).status).toBe(401)
    expect((await patient.request('GET', `/api/notifications/preferences?clinic=${world.beta.id}`)).status).toBe(403)
    expect((await choose({ reminders: [] }, patient, world.beta.id)).status).toBe(403)
    expect((await patient.request('GET', '/api/notifications/preferences?clinic=x%27%20or%201')).status).toBe(400)
  })

  it('refuses texts without a phone number, an unknown topic or channel, and changes nothing', async () => {
    const noPhone = await choose({ reminders: ['email', 'sms'] })
    expect([noPhone.status, noPhone.body.errors[0].message]).toEqual([400, expect.stringMatching(/phone number/)])
    expect((await choose({ gossip: ['email'] })).body.errors[0].message).toMatch(/no topic "gossip"/)
    expect((await choose({ reminders: ['pigeon'] })).status).toBe(400)
    expect((await choose(['email'] as never)).status).toBe(400)
    const after = await patient.request('GET', `/api/notifications/preferences?clinic=${world.alpha.id}`)
    expect(topic(after.body, 'reminders')).toEqual(['email'])
  })

  it('cannot be written through the users API, nor read by the clinic’s admin', async () => {
    const me = world.alpha.patient.id
    await patient.request('PATCH', `/api/users/${me}`, { messagePreferences: { [world.alpha.id]: { visits: [] } } })
    await admin.request('PATCH', `/api/users/${me}`, { messagePreferences: { [world.alpha.id]: { reminders: [] } } })
    const stored = await payload.findByID({ collection: 'users', id: me, depth: 0 })
    expect(stored.messagePreferences ?? null).toBeNull()
    const read = await admin.request('GET', `/api/users/${me}?depth=0`)
    expect(read.status).toBe(200)
    expect(read.body).not.toHaveProperty('messagePreferences')
  })

  it('sends reminders by text and not by email once asked, and keeps essential messages by email', async () => {
    expect((await patient.request('PATCH', `/api/users/${world.alpha.patient.id}`, { patientProfile: { phone: PHONE } })).status).toBe(200)
    const saved = await choose({ reminders: ['sms'], visits: [] })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect([topic(saved.body, 'reminders'), topic(saved.body, 'visits'), saved.body.hasPhone]).toEqual([['sms'], ['email'], true])

    const visit = await book()
    expect(await planned(visit.id)).toEqual([
      'appointment.booked email scheduled',
      'appointment.booked in-app scheduled',
      'reminder-1h in-app scheduled',
      'reminder-1h sms scheduled',
      'reminder-24h in-app scheduled',
      'reminder-24h sms scheduled',
      'starting in-app scheduled',
      'starting sms scheduled',
    ])
    const start = Date.parse(visit.start)
    const textsBefore = textsSent().length
    await sendDueNotifications(payload, new Date(start - 24 * HOUR))
    const texts = textsSent().slice(textsBefore)
    expect(texts).toHaveLength(1)
    expect(texts[0]!.to).toBe(PHONE)
    expect(texts[0]!.text).toContain(`/visits/${visit.id}`)
    expect(texts[0]!.text).not.toMatch(/migraine/i)
  })

  it('turned off after a message was planned: that message is skipped, and says why', async () => {
    const visit = await book()
    await planned(visit.id)
    expect((await choose({ reminders: [] })).status).toBe(200)
    const textsBefore = textsSent().length
    await sendDueNotifications(payload, new Date(Date.parse(visit.start) - 24 * HOUR))
    const reminder = (await messagesOf(visit.id)).find((m) => m.kind === 'reminder-24h' && m.channel === 'sms')!
    expect([reminder.status, reminder.decision]).toEqual(['skipped', 'Not sent: the recipient turned off reminders by sms.'])
    expect(textsSent().length).toBe(textsBefore)
    // The inbox on the clinic's site still has it.
    expect((await messagesOf(visit.id)).find((m) => m.kind === 'reminder-24h' && m.channel === 'in-app')!.status).toBe('sent')
    expect((await choose({ reminders: ['email'] })).status).toBe(200)
  })
})

describe('the time zone of messages', () => {
  it('writes times in the zone the person chose, named; refuses an unknown zone', async () => {
    const bad = await patient.request('POST', '/api/notifications/preferences', {
      clinic: world.alpha.id,
      choices: {},
      timeZone: 'Mars/Olympus',
    })
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'timeZone'])
    const set = await patient.request('POST', '/api/notifications/preferences', {
      clinic: world.alpha.id,
      choices: {},
      timeZone: 'Asia/Kolkata',
    })
    expect([set.status, set.body.timeZone]).toEqual([200, 'Asia/Kolkata'])
    const visit = await book()
    await planned(visit.id)
    await sendDueNotifications(payload)
    const email = outbox().find((m) => m.body.includes(`/visits/${visit.id}`))!
    expect(email.body).toContain('India Standard Time')
    const back = await patient.request('POST', '/api/notifications/preferences', { clinic: world.alpha.id, choices: {}, timeZone: null })
    expect(back.body.timeZone).toBeNull()
  })
})

describe('one-click unsubscribe', () => {
  it('is offered on emails that are not essential, and turns off that topic’s emails from that clinic only', async () => {
    const visit = await book()
    await planned(visit.id)
    await sendDueNotifications(payload, new Date(Date.parse(visit.start) - 24 * HOUR))
    const about = outbox().filter((m) => m.body.includes(`/visits/${visit.id}`))
    const booked = about.find((m) => !/remind/i.test(m.subject))!
    const reminder = about.find((m) => /remind/i.test(m.subject))!
    // The booking is essential: no way out of it. The reminder has the link in its footer and the header.
    expect(booked.body).not.toMatch(/List-Unsubscribe/i)
    expect(reminder.body).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)
    // The header as a mail program reads it (a long header is folded over several lines).
    const header = /^List-Unsubscribe:\s*<([^>]+)>$/m.exec(reminder.body.replace(/\r?\n[ \t]+/g, ' '))![1]!.replace(/\s/g, '')
    expect(reminder.body).toContain('/unsubscribe?token=')

    // A link scanner's GET changes nothing; the mail program's one-click POST does.
    await fetch(header.replace(/^https?:\/\/[^/]+/, server.url))
    expect(topic((await patient.request('GET', `/api/notifications/preferences?clinic=${world.alpha.id}`)).body, 'reminders')).toEqual([
      'email',
    ])
    const url = new URL(header)
    const res = await fetch(`${server.url}${url.pathname}${url.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    const mine = (await patient.request('GET', `/api/notifications/preferences?clinic=${world.alpha.id}`)).body
    expect([topic(mine, 'reminders'), topic(mine, 'visits'), topic(mine, 'documents')]).toEqual([[], ['email'], ['email']])
    const stored = await payload.findByID({ collection: 'users', id: world.alpha.patient.id, depth: 0 })
    expect(Object.keys(stored.messagePreferences as object)).toEqual([String(world.alpha.id)])
  })

  it('refuses a forged or altered token, and an essential topic, changing nothing', async () => {
    const other = world.alpha.otherPatient.id
    const post = (token: string) =>
      fetch(`${server.url}/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST' })
    const good = unsubscribeToken(payload, other, world.alpha.id, 'news')
    expect((await post(good.replace(`${other}.`, `${world.alpha.patient.id}.`))).status).toBe(400)
    expect((await post(good.replace('.news.', '.billing.'))).status).toBe(400)
    expect((await post(`${other}.${world.alpha.id}.news.${'A'.repeat(32)}`)).status).toBe(400)
    expect((await post(unsubscribeToken(payload, other, world.alpha.id, 'visits'))).status).toBe(400)
    expect((await payload.findByID({ collection: 'users', id: other, depth: 0 })).messagePreferences ?? null).toBeNull()
    expect((await post(good)).status).toBe(200)
  })
})

describe('a clinic’s switches', () => {
  it('a message turned off is neither planned nor sent; a cancellation cannot be turned off', async () => {
    const off = await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, {
      notifications: { turnedOff: ['appointment.booked', 'appointment.starting'] },
    })
    expect(off.status, JSON.stringify(off.body)).toBe(200)
    const visit = await book()
    await expect.poll(async () => (await messagesOf(visit.id)).length, { timeout: 5_000 }).toBeGreaterThan(0)
    const kinds = new Set((await messagesOf(visit.id)).map((m) => m.kind))
    expect([...kinds].sort()).toEqual(['reminder-1h', 'reminder-24h'])

    // Turned off after planning: skipped at its time.
    const refused = await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, {
      notifications: { turnedOff: ['appointment.cancelled'] },
    })
    expect(refused.status).toBe(400)
    expect(
      (await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, { notifications: { turnedOff: ['appointment.reminder'] } })).status,
    ).toBe(200)
    await sendDueNotifications(payload, new Date(Date.parse(visit.start) - 24 * HOUR))
    // (In the inbox: this patient unsubscribed from reminder emails above.)
    const reminder = (await messagesOf(visit.id)).find((m) => m.kind === 'reminder-24h' && m.channel === 'in-app')!
    expect([reminder.status, reminder.decision]).toEqual(['skipped', expect.stringMatching(/clinic turned these messages off/)])
    await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, { notifications: { turnedOff: [] } })
  })

  it('a message the clinic marks essential goes by email to a patient who turned it off, with no way out', async () => {
    // This patient unsubscribed from reminder emails above.
    const marked = await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, {
      notifications: { alwaysByEmail: ['appointment.reminder'] },
    })
    expect(marked.status, JSON.stringify(marked.body)).toBe(200)
    const mine = (await patient.request('GET', `/api/notifications/preferences?clinic=${world.alpha.id}`)).body
    expect([topic(mine, 'reminders'), mine.alwaysByEmail]).toEqual([[], ['Reminders before a visit']])
    const visit = await book()
    await planned(visit.id)
    await sendDueNotifications(payload, new Date(Date.parse(visit.start) - 24 * HOUR))
    const reminder = outbox().find((m) => m.body.includes(`/visits/${visit.id}`) && /remind/i.test(m.subject))!
    expect(reminder.body).not.toMatch(/List-Unsubscribe|\/unsubscribe\?token=/)
    // A visit's messages cannot be marked: they always go by email anyway.
    expect(
      (await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, { notifications: { alwaysByEmail: ['appointment.cancelled'] } }))
        .status,
    ).toBe(400)
    await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, { notifications: { alwaysByEmail: [] } })
  })
})
