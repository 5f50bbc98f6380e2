/**
 * A clinic admin's preview of the clinic's messages, with sample values and the
 * templates as typed (unsaved), and "send me a test" to their own address only.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { planMessages } from '../src/notifications/plan.ts'
import { client, signIn, type Client } from './support/http.ts'
import { outbox } from './support/outbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let admin: Client

beforeAll(async () => {
  ;({ server, world } = await startWorld({ JOBS_IN_SERVER: 'false' }))
  admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
})
afterAll(() => server?.close())

const preview = (who: Client, body: unknown, clinic = world.alpha.id) =>
  who.request('POST', `/api/tenants/${clinic}/notification-preview`, body)

it('draws every part of a message with sample values, in the clinic’s name, with the templates as typed', async () => {
  const saved = await preview(admin, { event: 'appointment.reminder' })
  expect(saved.status, JSON.stringify(saved.body)).toBe(200)
  expect(Object.keys(saved.body).sort()).toEqual(['html', 'inApp', 'sms', 'subject', 'text'])
  expect(saved.body.html).toContain('Clinic alpha')
  expect(saved.body.text).toContain('Maya Patel')

  const typed = await preview(admin, {
    event: 'appointment.reminder',
    templates: [{ event: 'appointment.reminder', part: 'subject', source: 'See you {{leadTime}}, {{recipientName}}' }],
  })
  expect(typed.body.subject).toBe('See you tomorrow, Maya Patel')
  // Nothing was saved.
  const clinic = await server.payload.findByID({ collection: 'tenants', id: world.alpha.id, depth: 0 })
  expect(clinic.notifications?.templates ?? []).toEqual([])
})

it('says which line of a typed template does not compile', async () => {
  const broken = await preview(admin, {
    event: 'appointment.booked',
    templates: [{ event: 'appointment.booked', part: 'text', source: 'Hello\n{{#if recipientName}}unclosed' }],
  })
  expect([broken.status, broken.body.errors[0].message]).toEqual([400, expect.stringMatching(/^appointment\.booked text: Line \d+/)])
  expect((await preview(admin, { event: 'no.such' })).status).toBe(400)
})

it('is for the clinic’s own admins only', async () => {
  const [patient, doctor, otherAdmin] = await Promise.all([
    signIn(server.url, world.alpha.patient.email, PASSWORD),
    signIn(server.url, world.alpha.doctorUser.email, PASSWORD),
    signIn(server.url, world.beta.admin.email, PASSWORD),
  ])
  const ask = { event: 'appointment.booked' }
  expect((await preview(client(server.url), ask)).status).toBe(401)
  expect((await preview(patient, ask)).status).toBe(403)
  expect((await preview(doctor, ask)).status).toBe(403)
  expect((await preview(otherAdmin, ask)).status).toBe(403)
  expect((await otherAdmin.request('POST', `/api/tenants/${world.alpha.id}/notification-test`, ask)).status).toBe(403)
})

it('sends the test to the admin who asks, a few times a minute at most', async () => {
  const test = () => admin.request('POST', `/api/tenants/${world.alpha.id}/notification-test`, { event: 'appointment.cancelled' })
  const first = await test()
  expect([first.status, first.body.message]).toEqual([200, `Sent to ${world.alpha.admin.email}.`])
  const mail = outbox().find((m) => m.subject.startsWith('[Test]'))!
  expect(mail.to).toContain(world.alpha.admin.email)
  expect(mail.from).toContain('Clinic alpha')
  for (let i = 0; i < 4; i++) expect((await test()).status).toBe(200)
  expect((await test()).status).toBe(429)
  expect(outbox().filter((m) => m.subject.startsWith('[Test]'))).toHaveLength(5)
})

it('draws one message as sent, for those who may read it only', async () => {
  await planMessages(server.payload, [
    {
      tenant: world.alpha.id,
      recipient: world.alpha.patient.id,
      event: 'prescription.signed',
      kind: 'prescription.signed',
      scheduledFor: new Date(),
      key: 'rendered-view',
      details: { doctor: world.alpha.doctor },
    },
  ])
  const [message] = (
    await server.payload.find({ collection: 'notifications', where: { dedupeKey: { like: 'rendered-view' } }, depth: 0, limit: 1 })
  ).docs
  const view = (who: Client) => who.request('GET', `/api/notifications/${message!.id}/rendered`)
  const shown = await view(admin)
  expect(shown.status, JSON.stringify(shown.body)).toBe(200)
  expect(shown.body.html).toContain('/prescriptions')
  expect(shown.body.subject).toMatch(/prescription/i)
  const [patient, otherPatient, otherAdmin] = await Promise.all([
    signIn(server.url, world.alpha.patient.email, PASSWORD),
    signIn(server.url, world.alpha.otherPatient.email, PASSWORD),
    signIn(server.url, world.beta.admin.email, PASSWORD),
  ])
  expect((await view(patient)).status).toBe(200)
  expect((await view(otherPatient)).status).toBe(404)
  expect((await view(otherAdmin)).status).toBe(404)
  expect((await view(client(server.url))).status).toBe(401)
})

it('shows the clinic’s uploaded logo in its emails, as a PNG at an absolute address; its name without one', async () => {
  const before = await preview(admin, { event: 'appointment.booked' })
  expect(before.body.html).not.toMatch(/<img /)
  const png = await sharp({ create: { width: 600, height: 600, channels: 4, background: '#0f766e' } })
    .png()
    .toBuffer()
  const logo = await server.payload.create({
    collection: 'media',
    data: { alt: 'Clinic alpha logo', tenant: world.alpha.id } as never,
    file: { data: png, mimetype: 'image/png', name: 'alpha-logo.png', size: png.length },
    overrideAccess: true,
  })
  await server.payload.update({
    collection: 'tenants',
    id: world.alpha.id,
    data: { brand: { logo: logo.id } } as never,
    overrideAccess: true,
  })
  const after = await preview(admin, { event: 'appointment.booked' })
  const src = /<img src="([^"]+)" alt="Clinic alpha"/.exec(after.body.html)?.[1]
  expect(src).toMatch(/^https?:\/\/[^/]+\/api\/media\/file\/alpha-logo-[^"]*\.png$/)
})
