/**
 * The outbox in the admin panel: what the embedded channels wrote to
 * DATA_DIR/outbox (no mail server set up), listed and opened by platform admins
 * only, never a file outside the folder.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let platformAdmin: Client

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  platformAdmin = await signIn(server.url, world.platformAdmin.email, PASSWORD)
  // An email written by the outbox channel.
  await client(server.url).request('POST', '/api/users/forgot-password', { email: world.alpha.patient.email, clinic: world.alpha.id })
})
afterAll(() => server?.close())

it('lists the emails written, newest first, with their recipient and subject, and opens one as written', async () => {
  const subjects = async () =>
    ((await platformAdmin.request('GET', '/api/notifications/outbox')).body.files ?? []).map((f: { subject: string }) => f.subject)
  // Emails go after the answer that caused them: wait for the file.
  await expect.poll(subjects, { timeout: 5_000 }).toContain('Reset your Clinic alpha password')
  const { body } = await platformAdmin.request('GET', '/api/notifications/outbox')
  expect(body.inUse).toBe(true)
  const reset = body.files.find((f: { subject: string }) => f.subject === 'Reset your Clinic alpha password')
  expect(reset).toMatchObject({ kind: 'email', to: world.alpha.patient.email })
  const file = await fetch(`${server.url}/api/notifications/outbox/${reset.name}`, {
    headers: { Authorization: `JWT ${platformAdmin.token}` },
  })
  expect([file.status, file.headers.get('content-type')]).toEqual([200, 'message/rfc822'])
  expect(await file.text()).toMatch(/reset-password\?token=/)
})

it('is for platform admins only, and opens nothing outside the folder', async () => {
  const [clinicAdmin, patient] = await Promise.all([
    signIn(server.url, world.alpha.admin.email, PASSWORD),
    signIn(server.url, world.alpha.patient.email, PASSWORD),
  ])
  expect((await clinicAdmin.request('GET', '/api/notifications/outbox')).status).toBe(403)
  expect((await patient.request('GET', '/api/notifications/outbox')).status).toBe(403)
  expect((await client(server.url).request('GET', '/api/notifications/outbox')).status).toBe(401)
  const { body } = await platformAdmin.request('GET', '/api/notifications/outbox')
  expect((await clinicAdmin.request('GET', `/api/notifications/outbox/${body.files[0].name}`)).status).toBe(403)
  for (const name of ['..%2F..%2Fpackage.json', '..%2Fsecret.eml', 'nothing-here.eml'])
    expect((await platformAdmin.request('GET', `/api/notifications/outbox/${name}`)).status).toBeGreaterThanOrEqual(400)
})
