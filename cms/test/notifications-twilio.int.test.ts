/**
 * Texts through Twilio: the platform configured with TWILIO_ACCOUNT_SID sends a
 * patient's reminders by text, through a test double of Twilio's REST API, to
 * the number in their profile; a refusal is retried, and the text goes once.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTwilioDouble } from '@telemed/plugin-sms-twilio/testing'
import { sendDueNotifications } from '../src/notifications/send.ts'
import { signIn, type Client } from './support/http.ts'
import { textsSent } from './support/outbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { openAllWeek, PASSWORD, type World } from './support/world.ts'

const HOUR = 3_600_000
const SID = `AC${'7'.repeat(32)}`
let twilio: Awaited<ReturnType<typeof startTwilioDouble>>
let server: TestServer
let world: World
let payload: Payload
let patient: Client

beforeAll(async () => {
  twilio = await startTwilioDouble({ [SID]: 'twilio-test-token' })
  ;({ server, world } = await startWorld({
    JOBS_IN_SERVER: 'false',
    TWILIO_ACCOUNT_SID: SID,
    TWILIO_AUTH_TOKEN: 'twilio-test-token',
    TWILIO_FROM: '+15005550006',
    TWILIO_API_URL: twilio.url,
  }))
  payload = server.payload
  await openAllWeek(payload, world.alpha.doctor, { bookingHorizonDays: 30 })
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
})
afterAll(async () => {
  await server?.close()
  await twilio?.close()
})

it('sends the reminder the patient asked for by text through Twilio, once, after Twilio refused it once', async () => {
  expect(
    (await patient.request('PATCH', `/api/users/${world.alpha.patient.id}`, { patientProfile: { phone: '+1 (415) 555-0100' } })).status,
  ).toBe(200)
  const chosen = await patient.request('POST', '/api/notifications/preferences', {
    clinic: world.alpha.id,
    choices: { reminders: ['sms'] },
  })
  expect(chosen.status, JSON.stringify(chosen.body)).toBe(200)
  const start = new Date(Math.ceil((Date.now() + 50 * HOUR) / HOUR) * HOUR).toISOString()
  const booked = await patient.request(
    'POST',
    '/api/appointments/book',
    { doctor: world.alpha.doctor, start, reason: 'Recurring migraine' },
    { 'Idempotency-Key': crypto.randomUUID() },
  )
  expect(booked.status, JSON.stringify(booked.body)).toBe(201)
  const visit = booked.body.doc.id as number
  const smsOf = async () =>
    (
      await payload.find({
        collection: 'notifications',
        where: { and: [{ appointment: { equals: visit } }, { kind: { equals: 'reminder-24h' } }, { channel: { equals: 'sms' } }] },
        depth: 0,
      })
    ).docs[0]
  await expect.poll(async () => (await smsOf())?.status, { timeout: 5_000 }).toBe('scheduled')

  const due = new Date(Date.parse(start) - 24 * HOUR)
  twilio.refuseNext(1)
  await sendDueNotifications(payload, due)
  const refused = (await smsOf())!
  expect([refused.status, refused.attempts, refused.error]).toEqual(['scheduled', 1, expect.stringMatching(/error 20429/)])
  await sendDueNotifications(payload, new Date(due.getTime() + 30_000))
  await sendDueNotifications(payload, new Date(due.getTime() + 60_000))
  expect((await smsOf())!.status).toBe('sent')

  const texts = twilio.sent.filter((t) => t.body.includes(`/visits/${visit}`))
  expect(texts).toHaveLength(1)
  expect(texts[0]).toMatchObject({ to: '+14155550100', from: '+15005550006' })
  expect(texts[0]!.body).toMatch(/Clinic alpha/)
  expect(texts[0]!.body).not.toMatch(/migraine/i)
  // Twilio replaces the embedded outbox: nothing written there.
  expect(textsSent()).toHaveLength(0)
})
