/**
 * Every link a person receives opens their clinic's site: on its own domain, or
 * under /c/<slug>/ when it has none, in calendar files and emails; and emails
 * about a clinic come in the clinic's name.
 */
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn } from './support/http.ts'
import { emailTo, linkIn, outbox } from './support/outbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createUser, PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
const PUBLIC_URL = 'https://platform.example'

beforeAll(async () => {
  ;({ server, world } = await startWorld({ PUBLIC_URL }))
})
afterAll(() => server?.close())

const urlsIn = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('url')))

describe('links in calendar files', () => {
  it("open the visit on the patient's clinic's own domain", async () => {
    const patient = await signIn(server.url, world.beta.patient.email, PASSWORD)
    const { body } = await patient.request('GET', `/api/appointments/${world.beta.appointment}/ics`)
    expect(urlsIn(body)).toEqual([`https://beta.localhost/visits/${world.beta.appointment}`])
  })

  it("open the doctor's visits on their clinic's domain in the private feed", async () => {
    const doctor = await signIn(server.url, world.beta.doctorUser.email, PASSWORD)
    const { body } = await doctor.request('POST', `/api/doctors/${world.beta.doctor}/calendar-feed`, {})
    const feed = await client(server.url).request('GET', new URL(body.url).pathname)
    const urls = urlsIn(feed.body)
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) expect(new URL(url).origin).toBe('https://beta.localhost')
  })

  it('use /c/<slug>/ on the platform when the clinic has no domain of its own', async () => {
    await server.payload.update({ collection: 'tenants', id: world.beta.id, data: { domains: [] }, overrideAccess: true })
    try {
      const patient = await signIn(server.url, world.beta.patient.email, PASSWORD)
      const { body } = await patient.request('GET', `/api/appointments/${world.beta.appointment}/ics`)
      expect(urlsIn(body)).toEqual([`${PUBLIC_URL}/c/beta/visits/${world.beta.appointment}`])
    } finally {
      await server.payload.update({
        collection: 'tenants',
        id: world.beta.id,
        data: { domains: [{ domain: 'beta.localhost' }] },
        overrideAccess: true,
      })
    }
  })
})

describe('links in emails', () => {
  const askReset = (email: string, clinic?: unknown) =>
    client(server.url).request('POST', '/api/users/forgot-password', { email, ...(clinic ? { clinic } : {}) })

  it("send a patient's password reset to the site they asked from, in that clinic's name", async () => {
    const both = await createUser(server.payload, 'both-clinics@x.test', 'patient', [world.alpha.id, world.beta.id])
    await askReset(both.email, world.beta.id)
    const mail = await emailTo(both.email, /Reset your .*password/)
    expect(linkIn(mail.body, /reset-password\?token=/)).toMatch(/^https:\/\/beta\.localhost\/reset-password\?token=/)
    expect(mail.from).toContain('Clinic beta')
    expect(mail.subject).toBe('Reset your Clinic beta password')
  })

  it("word a password reset with the clinic's own template when it has one", async () => {
    const templates = [
      { event: 'password.reset' as const, part: 'subject' as const, source: '{{clinicName}}: your link to a new password' },
    ]
    await server.payload.update({ collection: 'tenants', id: world.beta.id, data: { notifications: { templates } }, overrideAccess: true })
    const who = await createUser(server.payload, 'reset-template@x.test', 'patient', [world.beta.id])
    await askReset(who.email, world.beta.id)
    const mail = await emailTo(who.email, /your link to a new password/)
    expect(mail.subject).toBe('Clinic beta: your link to a new password')
    expect(linkIn(mail.body, /reset-password\?token=/)).toMatch(/^https:\/\/beta\.localhost\/reset-password\?token=/)
    await server.payload.update({
      collection: 'tenants',
      id: world.beta.id,
      data: { notifications: { templates: [] } },
      overrideAccess: true,
    })
  })

  it("send a patient who names another clinic to their own clinic's site", async () => {
    await askReset(world.alpha.otherPatient.email, world.beta.id)
    const mail = await emailTo(world.alpha.otherPatient.email, /Reset your .*password/)
    expect(linkIn(mail.body, /reset-password\?token=/)).toMatch(/^https:\/\/alpha\.localhost\/reset-password\?token=/)
    expect(mail.from).toContain('Clinic alpha')
  })

  it('send staff to the admin panel on the platform', async () => {
    await askReset(world.beta.admin.email, world.beta.id)
    const mail = await emailTo(world.beta.admin.email, /Reset your .*password/)
    expect(linkIn(mail.body, /\/admin\/reset\//)).toMatch(new RegExp(`^${PUBLIC_URL}/admin/reset/`))
  })

  it("send a new patient's confirmation link to the clinic they registered with, in its name", async () => {
    const email = 'links-newcomer@x.test'
    await client(server.url).request('POST', '/api/users/register', {
      clinic: 'beta',
      name: 'New',
      email,
      password: 'a-long-secret-1',
      consent: true,
    })
    const mail = await emailTo(email, /Confirm your email/)
    expect(linkIn(mail.body, /confirm-email\?token=/)).toMatch(/^https:\/\/beta\.localhost\/confirm-email\?token=/)
    expect(mail.from).toContain('Clinic beta')
  })

  it('are asked for alike for any email, and at most once a minute per account', async () => {
    const account = await createUser(server.payload, 'once-a-minute@x.test', 'patient', [world.alpha.id])
    const answers = [await askReset(account.email), await askReset(account.email), await askReset('nobody-here@x.test')]
    expect(new Set(answers.map((a) => JSON.stringify([a.status, a.body]))).size).toBe(1)
    // Emails are written in the order they were asked for: once a later one (registering the same address) is
    // in the outbox, a second reset email would be too.
    await client(server.url).request('POST', '/api/users/register', {
      clinic: 'alpha',
      name: 'Again',
      email: account.email,
      password: 'a-long-secret-1',
      consent: true,
    })
    await emailTo(account.email, /tried to register/)
    expect(outbox().filter((m) => m.to.includes(account.email) && /Reset your .*password/.test(m.subject))).toHaveLength(1)
  })
})
