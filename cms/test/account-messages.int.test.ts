/**
 * The messages of an account, on the clinic's templates: a welcome once a new
 * patient's email is confirmed (planned, sent once, in the inbox too), and a
 * notice to the former address when an email address is changed.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sendDueNotifications } from '../src/notifications/send.ts'
import { client, signIn } from './support/http.ts'
import { emailTo, linkIn, outbox } from './support/outbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let payload: Payload

beforeAll(async () => {
  ;({ server, world } = await startWorld({ JOBS_IN_SERVER: 'false' }))
  payload = server.payload
})
afterAll(() => server?.close())

it('welcomes a new patient once their email is confirmed, by email and in the inbox, once', async () => {
  const email = 'welcome-me@x.test'
  const anonymous = client(server.url)
  const registered = await anonymous.request('POST', '/api/users/register', {
    clinic: world.alpha.id,
    name: 'Wen Welcome',
    email,
    password: 'my-own-secret-9',
    consent: true,
  })
  expect(registered.status).toBe(202)
  const token = new URL(linkIn((await emailTo(email, /Confirm your email/)).body, /confirm-email\?token=/)!).searchParams.get('token')
  expect((await anonymous.request('POST', '/api/users/confirm-email', { token, password: 'my-own-secret-9' })).status).toBe(200)

  const [account] = (await payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })).docs
  const welcomes = async () =>
    (
      await payload.find({
        collection: 'notifications',
        where: { and: [{ recipient: { equals: account!.id } }, { event: { equals: 'account.created' } }] },
        depth: 0,
      })
    ).docs
  await expect.poll(async () => (await welcomes()).length, { timeout: 5_000 }).toBe(2)
  await Promise.all([sendDueNotifications(payload), sendDueNotifications(payload)])
  expect((await welcomes()).map((m) => `${m.channel} ${m.status}`).sort()).toEqual(['email sent', 'in-app sent'])
  const mails = outbox().filter((m) => m.to.includes(email) && /Welcome/.test(m.subject))
  expect(mails).toHaveLength(1)
  expect(mails[0]!.subject).toBe('Welcome to Clinic alpha')
  expect(mails[0]!.from).toContain('Clinic alpha')
  expect(linkIn(mails[0]!.body, /alpha\.localhost/)).toBeTruthy()
})

it('tells the former address when an email address changes, with the new one and a link, in the clinic’s look', async () => {
  const patient = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
  const before = world.alpha.otherPatient.email
  const changed = await patient.request('PATCH', `/api/users/${world.alpha.otherPatient.id}`, {
    email: 'moved-to@x.test',
    currentPassword: PASSWORD,
  })
  expect(changed.status, JSON.stringify(changed.body)).toBe(200)
  const notice = await emailTo(before, /email address was changed/)
  expect(notice.subject).toBe('Your Clinic alpha email address was changed')
  expect(notice.body).toContain('moved-to@x.test')
  expect(linkIn(notice.body, /\/profile/)).toMatch(/alpha\.localhost.*\/profile$/)
  // Only the former address is told; a change that keeps the address tells nobody.
  expect(
    outbox()
      .filter((m) => /email address was changed/.test(m.subject))
      .map((m) => m.to),
  ).toEqual([expect.stringContaining(before)])
  await patient.request('PATCH', `/api/users/${world.alpha.otherPatient.id}`, { name: 'Still Me' })
  expect(outbox().filter((m) => /email address was changed/.test(m.subject))).toHaveLength(1)
})
