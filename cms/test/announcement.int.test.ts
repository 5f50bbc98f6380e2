/**
 * An announcement to all of a clinic's patients: previewed with the number it
 * reaches (nothing planned), then planned for each patient of that clinic only,
 * now or at a set time, by the channels each chose; for the clinic's admins only.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sendDueNotifications } from '../src/notifications/send.ts'
import { signIn, type Client } from './support/http.ts'
import { outbox } from './support/outbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let payload: Payload
let admin: Client

beforeAll(async () => {
  ;({ server, world } = await startWorld({ JOBS_IN_SERVER: 'false' }))
  payload = server.payload
  admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
})
afterAll(() => server?.close())

const announce = (body: Record<string, unknown>, who = admin, clinic = world.alpha.id) =>
  who.request('POST', `/api/tenants/${clinic}/announcement`, body)
const announcements = async () =>
  (await payload.find({ collection: 'notifications', where: { event: { equals: 'announcement' } }, limit: 0, pagination: false, depth: 0 }))
    .docs

it('previews the email with the number of patients it reaches, planning nothing', async () => {
  const preview = await announce({ title: 'Closed on 24 December', message: 'We reopen on the 27th. <b>Happy holidays</b>' })
  expect(preview.status, JSON.stringify(preview.body)).toBe(200)
  expect(preview.body.recipients).toBe(2)
  expect(preview.body.preview.subject).toBe('Closed on 24 December')
  expect(preview.body.preview.html).toContain('&lt;b&gt;Happy holidays&lt;/b&gt;')
  expect(await announcements()).toHaveLength(0)
})

it('plans it for each patient of the clinic, in the inbox and by email, and sends it once', async () => {
  const sent = await announce({ title: 'New evening hours', message: 'From January we are open until 20:00 on Thursdays.', send: true })
  expect([sent.status, sent.body.recipients]).toEqual([201, 2])
  const planned = await announcements()
  expect(planned.map((m) => `${m.recipient} ${m.channel}`).sort()).toEqual(
    [
      `${world.alpha.patient.id} email`,
      `${world.alpha.patient.id} in-app`,
      `${world.alpha.otherPatient.id} email`,
      `${world.alpha.otherPatient.id} in-app`,
    ].sort(),
  )
  await Promise.all([sendDueNotifications(payload), sendDueNotifications(payload)])
  const emails = outbox().filter((m) => m.subject === 'New evening hours')
  expect(emails.map((m) => m.to).sort()).toEqual(
    [expect.stringContaining(world.alpha.otherPatient.email), expect.stringContaining(world.alpha.patient.email)].sort(),
  )
  expect(emails[0]!.body).toMatch(/List-Unsubscribe-Post/)
})

it('waits for a set time', async () => {
  const at = new Date(Date.now() + 3 * 24 * 3_600_000)
  expect((await announce({ title: 'Flu shots', message: 'Ask at your next visit.', at: at.toISOString(), send: true })).status).toBe(201)
  const later = (await announcements()).filter((m) => m.subject !== 'New evening hours' && m.status === 'scheduled')
  expect(later.map((m) => Date.parse(m.scheduledFor!))).toEqual([at.getTime(), at.getTime(), at.getTime(), at.getTime()])
})

it('refuses bad input and other people, changing nothing', async () => {
  const before = (await announcements()).length
  expect((await announce({ title: '', message: 'x', send: true })).status).toBe(400)
  expect((await announce({ title: 'x', message: 'y'.repeat(2001), send: true })).status).toBe(400)
  expect((await announce({ title: 'x', message: 'y', at: 'tomorrow', send: true })).status).toBe(400)
  expect((await announce({ title: 'x', message: 'y', at: '2020-01-01T00:00:00Z', send: true })).status).toBe(400)
  const [otherAdmin, doctor, patient] = await Promise.all([
    signIn(server.url, world.beta.admin.email, PASSWORD),
    signIn(server.url, world.alpha.doctorUser.email, PASSWORD),
    signIn(server.url, world.alpha.patient.email, PASSWORD),
  ])
  for (const who of [otherAdmin, doctor, patient]) expect((await announce({ title: 'x', message: 'y', send: true }, who)).status).toBe(403)
  expect((await announcements()).length).toBe(before)
})
