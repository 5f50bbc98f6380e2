/**
 * Notifications through a real SMTP server (the `smtp-server` package, on a
 * local port), as a clinic with SMTP_URL set sends them: the mail server
 * receives the booking's email for the patient alone, in the clinic's name,
 * with a text and an HTML part, a link to the visit and nothing of the visit's
 * reason; a reminder arrives at its time; a server that refuses is tried again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sendDueNotifications } from '../src/notifications/send.ts'
import { signIn } from './support/http.ts'
import { startMailbox, type Received } from './support/smtpMailbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { openAllWeek, PASSWORD, type World } from './support/world.ts'

const HOUR = 3_600_000
let mailbox: Awaited<ReturnType<typeof startMailbox>>
let received: Received[]
let server: TestServer
let world: World

beforeAll(async () => {
  mailbox = await startMailbox()
  received = mailbox.received
  ;({ server, world } = await startWorld({ JOBS_IN_SERVER: 'false', SMTP_URL: mailbox.url }))
  await openAllWeek(server.payload, world.alpha.doctor, { bookingHorizonDays: 30 })
})
afterAll(async () => {
  await server?.close()
  await mailbox?.close()
})

it('delivers the booking’s email to the patient alone, in the clinic’s name, with a link and no clinical text; a reminder at its time', async () => {
  // The world's own visits were booked as it was made: their messages go first, out of the way.
  await sendDueNotifications(server.payload, new Date())
  received.length = 0
  const patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  const start = new Date(Math.ceil((Date.now() + 80 * HOUR) / (30 * 60_000)) * 30 * 60_000).toISOString()
  const booked = await patient.request(
    'POST',
    '/api/appointments/book',
    { doctor: world.alpha.doctor, start, reason: 'Recurring migraine' },
    { 'Idempotency-Key': crypto.randomUUID() },
  )
  expect(booked.status, JSON.stringify(booked.body)).toBe(201)
  const visit = booked.body.doc as { id: number }
  await expect
    .poll(async () => (await server.payload.count({ collection: 'notifications', where: { appointment: { equals: visit.id } } })).totalDocs)
    .toBe(8)

  // The mail server refuses once: the message waits and goes at the next try, once.
  mailbox.refuseNext(1)
  await sendDueNotifications(server.payload, new Date())
  expect(received).toHaveLength(0)
  await sendDueNotifications(server.payload, new Date(Date.now() + 31_000))
  expect(received).toHaveLength(1)

  const [mail] = received as [Received]
  expect(mail.to).toEqual([world.alpha.patient.email])
  expect(mail.header('From')).toMatch(/^"?Clinic alpha"? </)
  expect(mail.header('Subject')).toMatch(/booked/i)
  // A text part and an HTML part, each with the link to the visit.
  expect(mail.body).toMatch(/Content-Type: text\/plain/)
  expect(mail.body).toMatch(/Content-Type: text\/html/)
  expect(mail.body.match(new RegExp(`/visits/${visit.id}\\b`, 'g'))!.length).toBeGreaterThanOrEqual(2)
  expect(mail.body).not.toMatch(/migraine/i)

  await sendDueNotifications(server.payload, new Date(Date.parse(start) - 24 * HOUR))
  expect(received.map((r) => r.header('Subject'))).toEqual([mail.header('Subject'), expect.stringMatching(/^Reminder: .* tomorrow$/)])
  expect(received[1]!.to).toEqual([world.alpha.patient.email])
})
