/**
 * Accounts and their keys, through REST as an attacker would try them: accounts
 * shared by two clinics, email and password changes, registration, joining a
 * second clinic, unlocking, and password strength.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import { emailTo, linkIn } from './support/outbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createUser, PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let alphaAdmin: Client
let platformAdmin: Client
const anonymous = () => client(server.url)
const sys = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  alphaAdmin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
  platformAdmin = await signIn(server.url, world.platformAdmin.email, PASSWORD)
})
afterAll(() => server?.close())

const account = (id: number | string) => server.payload.findByID({ collection: 'users', id, ...sys }) as Promise<any>
const clinicsOfAccount = async (id: number | string) =>
  ((await account(id)).tenants as { tenant: unknown }[]).map((t) => String(t.tenant)).sort()
const canSignIn = async (email: string, password: string) =>
  (await anonymous().request('POST', '/api/users/login', { email, password })).status === 200

describe('an account that belongs to two clinics', () => {
  let shared: { id: number | string; email: string }
  beforeAll(async () => {
    shared = await createUser(server.payload, 'shared@two.test', 'patient', [world.alpha.id, world.beta.id])
  })

  it("cannot be made a clinic admin by one clinic's admin (that would open the other clinic)", async () => {
    const res = await alphaAdmin.request('PATCH', `/api/users/${shared.id}`, { role: 'clinic-admin' })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/only a platform admin/i)
    expect((await account(shared.id)).role).toBe('patient')
  })

  it("keeps its other clinic's membership whatever one clinic's admin sends", async () => {
    const res = await alphaAdmin.request('PATCH', `/api/users/${shared.id}`, { tenants: [{ tenant: world.alpha.id }] })
    expect(res.status).toBe(403)
    expect(await clinicsOfAccount(shared.id)).toEqual([String(world.alpha.id), String(world.beta.id)].sort())
  })

  it("cannot have its password or email set by a clinic's admin", async () => {
    const password = await alphaAdmin.request('PATCH', `/api/users/${shared.id}`, { password: 'taken-over-account-1' })
    const email = await alphaAdmin.request('PATCH', `/api/users/${shared.id}`, { email: 'attacker@evil.test' })
    expect([password.status, email.status]).toEqual([403, 403])
    expect((await account(shared.id)).email).toBe(shared.email)
    expect(await canSignIn(shared.email, PASSWORD)).toBe(true)
    expect(await canSignIn(shared.email, 'taken-over-account-1')).toBe(false)
  })

  it('may still be renamed by either clinic, and have its role changed by a platform admin', async () => {
    expect((await alphaAdmin.request('PATCH', `/api/users/${shared.id}`, { name: 'Shared Person' })).status).toBe(200)
    expect((await platformAdmin.request('PATCH', `/api/users/${shared.id}`, { role: 'doctor' })).status).toBe(200)
    expect((await account(shared.id)).role).toBe('doctor')
  })

  it('lets a clinic admin change roles and memberships inside their own clinic only', async () => {
    const local = await createUser(server.payload, 'local@alpha.test', 'patient', [world.alpha.id])
    expect((await alphaAdmin.request('PATCH', `/api/users/${local.id}`, { role: 'doctor' })).status).toBe(200)
    const addBeta = await alphaAdmin.request('PATCH', `/api/users/${local.id}`, {
      tenants: [{ tenant: world.alpha.id }, { tenant: world.beta.id }],
    })
    expect(addBeta.status).toBe(403)
    expect(await clinicsOfAccount(local.id)).toEqual([String(world.alpha.id)])
  })
})

describe("an account's email and password", () => {
  it('are changed by their holder only with the current password, and only to a good password', async () => {
    const me = await createUser(server.payload, 'changer@alpha.test', 'patient', [world.alpha.id])
    const self = await signIn(server.url, me.email, PASSWORD)
    const without = await self.request('PATCH', `/api/users/${me.id}`, { password: 'a-brand-new-secret' })
    const wrong = await self.request('PATCH', `/api/users/${me.id}`, { password: 'a-brand-new-secret', currentPassword: 'nope-nope' })
    const weak = await self.request('PATCH', `/api/users/${me.id}`, { password: 'password1', currentPassword: PASSWORD })
    expect([without.status, wrong.status, weak.status]).toEqual([400, 400, 400])
    expect(JSON.stringify(without.body)).toMatch(/current password/)
    expect(JSON.stringify(weak.body)).toMatch(/most common/)
    expect(await canSignIn(me.email, PASSWORD)).toBe(true)
    const right = await self.request('PATCH', `/api/users/${me.id}`, { password: 'a-brand-new-secret', currentPassword: PASSWORD })
    expect(right.status).toBe(200)
    expect(await canSignIn(me.email, 'a-brand-new-secret')).toBe(true)
  })

  it("are not changed by a clinic admin even for their own clinic's patients", async () => {
    const patient = await createUser(server.payload, 'desk@alpha.test', 'patient', [world.alpha.id])
    const res = await alphaAdmin.request('PATCH', `/api/users/${patient.id}`, { password: 'set-by-the-desk-1' })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/reset link/)
    expect(await canSignIn(patient.email, PASSWORD)).toBe(true)
  })

  it('may be set by a platform admin, who must still choose a good password (12 characters for staff)', async () => {
    const doctor = await createUser(server.payload, 'newdoc@alpha.test', 'doctor', [world.alpha.id])
    const short = await platformAdmin.request('PATCH', `/api/users/${doctor.id}`, { password: 'eleven-char' })
    expect([short.status, JSON.stringify(short.body)]).toEqual([400, expect.stringMatching(/at least 12/)])
    expect((await platformAdmin.request('PATCH', `/api/users/${doctor.id}`, { password: 'twelve-chars-ok' })).status).toBe(200)
    expect(await canSignIn(doctor.email, 'twelve-chars-ok')).toBe(true)
  })

  it('is reset from the emailed link only to a good password, and a reset link is asked for alike for any email', async () => {
    const patient = await createUser(server.payload, 'resetter@alpha.test', 'patient', [world.alpha.id])
    const known = await anonymous().request('POST', '/api/users/forgot-password', { email: patient.email })
    const unknown = await anonymous().request('POST', '/api/users/forgot-password', { email: 'nobody-at-all@x.test' })
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body])
    const link = linkIn((await emailTo(patient.email, /Reset your .*password/)).body, /reset-password\?token=/)!
    const token = new URL(link).searchParams.get('token')
    const weak = await anonymous().request('POST', '/api/users/reset-password', { token, password: 'abc' })
    expect([weak.status, weak.body.errors[0].data?.errors?.[0]?.path]).toEqual([400, 'password'])
    expect((await anonymous().request('POST', '/api/users/reset-password', { token, password: 'a-good-new-password' })).status).toBe(200)
    expect(await canSignIn(patient.email, 'a-good-new-password')).toBe(true)
  })

  it('is refused when an admin opens a staff account with a short or common password', async () => {
    const before = (await server.payload.count({ collection: 'users', overrideAccess: true })).totalDocs
    const short = await alphaAdmin.request('POST', '/api/users', {
      name: 'Dr. Short',
      email: 'short@alpha.test',
      password: 'abc',
      role: 'doctor',
      tenants: [{ tenant: world.alpha.id }],
    })
    expect(short.status).toBe(400)
    expect((await server.payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(before)
  })
})

describe('registration', () => {
  const register = (body: Record<string, unknown>) => anonymous().request('POST', '/api/users/register', body)
  const form = (email: string, password = 'my-own-secret-9') => ({
    clinic: 'alpha',
    name: 'New Person',
    email,
    password,
    consent: true,
  })

  it('is closed to anonymous POST /api/users: accounts come from the registration endpoint', async () => {
    const before = (await server.payload.count({ collection: 'users', overrideAccess: true })).totalDocs
    const res = await anonymous().request('POST', '/api/users', {
      name: 'Two Clinics',
      email: 'two@x.test',
      password: PASSWORD,
      tenants: [{ tenant: world.alpha.id }, { tenant: world.beta.id }],
      consents: [{ tenant: world.alpha.id }, { tenant: world.beta.id }],
    })
    expect(res.status).toBe(403)
    expect((await server.payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('answers a new and a known email alike, and tells the known account’s holder by email', async () => {
    const fresh = await register(form('fresh@x.test'))
    const known = await register(form(world.beta.patient.email))
    expect([fresh.status, known.status]).toEqual([202, 202])
    expect(known.body.message.replace(world.beta.patient.email, 'E')).toBe(fresh.body.message.replace('fresh@x.test', 'E'))
    const notice = await emailTo(world.beta.patient.email, /tried to register/)
    // On the clinic's own domain, with the platform's scheme and port.
    expect(linkIn(notice.body, /alpha\.localhost:\d+\/signin/)).toBeTruthy()
    // The existing account is as it was: its password and its one clinic.
    expect(await canSignIn(world.beta.patient.email, PASSWORD)).toBe(true)
    expect(await clinicsOfAccount(world.beta.patient.id)).toEqual([String(world.beta.id)])
  })

  it('opens a patient of exactly the one clinic, who signs in once the email is confirmed with their password', async () => {
    const email = 'confirm@x.test'
    expect((await register(form(email))).status).toBe(202)
    const [created] = (await server.payload.find({ collection: 'users', where: { email: { equals: email } }, ...sys })).docs as any[]
    expect([created.role, created.tenants.map((t: any) => String(t.tenant))]).toEqual(['patient', [String(world.alpha.id)]])
    const early = await anonymous().request('POST', '/api/users/login', { email, password: 'my-own-secret-9' })
    expect([early.status, early.body.errors[0].message]).toEqual([403, expect.stringMatching(/Confirm your email/)])

    const link = linkIn((await emailTo(email, /Confirm your email/)).body, /alpha\.localhost:\d+\/confirm-email\?token=/)!
    const token = new URL(link).searchParams.get('token')
    const wrongPassword = await anonymous().request('POST', '/api/users/confirm-email', { token, password: 'not-what-i-chose' })
    expect(wrongPassword.status).toBe(400)
    const confirmed = await anonymous().request('POST', '/api/users/confirm-email', { token, password: 'my-own-secret-9' })
    expect(confirmed.status).toBe(200)
    expect((await client(server.url, confirmed.body.token).request('GET', '/api/users/me')).body.user.email).toBe(email)
    expect((await anonymous().request('POST', '/api/users/confirm-email', { token, password: 'my-own-secret-9' })).status).toBe(410)
  })

  it("lets the email's holder take back an address a stranger registered first", async () => {
    const email = 'victim@x.test'
    await register(form(email, 'strangers-password-1'))
    await emailTo(email, /Confirm your email/)
    await register(form(email, 'victims-own-password-1'))
    const mail = (await emailTo(email, /Confirm your email/, { nth: 2 })).body
    const token = new URL(linkIn(mail, /confirm-email\?token=/)!).searchParams.get('token')
    const stranger = await anonymous().request('POST', '/api/users/confirm-email', { token, password: 'strangers-password-1' })
    expect(stranger.status).toBe(400)
    expect((await anonymous().request('POST', '/api/users/confirm-email', { token, password: 'victims-own-password-1' })).status).toBe(200)
  })

  it('refuses weak passwords, a missing consent and an unknown clinic, storing nothing', async () => {
    const before = (await server.payload.count({ collection: 'users', overrideAccess: true })).totalDocs
    const answers = await Promise.all([
      register(form('weak1@x.test', 'abc')),
      register(form('weak2@x.test', 'iloveyou')),
      register({ ...form('noconsent@x.test'), consent: false }),
      register({ ...form('noclinic@x.test'), clinic: 'nowhere' }),
    ])
    expect(answers.map((a) => [a.status, a.body.errors[0].path])).toEqual([
      [400, 'password'],
      [400, 'password'],
      [400, 'consent'],
      [422, 'clinic'],
    ])
    expect((await server.payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(before)
  })
})

describe('joining a second clinic', () => {
  it('adds the clinic, with its consent, for a signed-in patient who accepts it', async () => {
    const patient = await createUser(server.payload, 'joiner@beta.test', 'patient', [world.beta.id])
    const self = await signIn(server.url, patient.email, PASSWORD)
    const unconsented = await self.request('POST', '/api/users/join-clinic', { clinic: 'alpha' })
    expect(unconsented.status).toBe(400)
    expect(await clinicsOfAccount(patient.id)).toEqual([String(world.beta.id)])
    expect((await self.request('POST', '/api/users/join-clinic', { clinic: 'alpha', consent: true })).status).toBe(200)
    const after = await account(patient.id)
    expect(after.tenants.map((t: any) => String(t.tenant)).sort()).toEqual([String(world.alpha.id), String(world.beta.id)].sort())
    expect(after.consents.map((c: any) => String(c.tenant))).toContain(String(world.alpha.id))
  })

  it('is not a way for staff to add themselves to a clinic, nor for anyone to change their memberships directly', async () => {
    const doctor = await signIn(server.url, world.beta.doctorUser.email, PASSWORD)
    expect((await doctor.request('POST', '/api/users/join-clinic', { clinic: 'alpha', consent: true })).status).toBe(403)
    const patient = await signIn(server.url, world.beta.otherPatient.email, PASSWORD)
    // Payload leaves out fields the writer may not write (the membership list is an admin's field).
    await patient.request('PATCH', `/api/users/${world.beta.otherPatient.id}`, {
      tenants: [{ tenant: world.beta.id }, { tenant: world.alpha.id }],
    })
    expect(await clinicsOfAccount(world.beta.otherPatient.id)).toEqual([String(world.beta.id)])
  })
})

describe('unlocking a locked account', () => {
  it('is for platform admins and the admins of the account’s clinics only', async () => {
    const locked = await createUser(server.payload, 'locked@alpha.test', 'patient', [world.alpha.id])
    const lockUntil = new Date(Date.now() + 3_600_000).toISOString()
    await server.payload.update({ collection: 'users', id: locked.id, data: { lockUntil, loginAttempts: 5 }, ...sys })
    const patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
    const betaAdmin = await signIn(server.url, world.beta.admin.email, PASSWORD)
    expect((await patient.request('POST', '/api/users/unlock', { email: locked.email })).status).toBe(403)
    expect((await betaAdmin.request('POST', '/api/users/unlock', { email: locked.email })).status).toBe(403)
    expect(await canSignIn(locked.email, PASSWORD)).toBe(false)
    expect((await alphaAdmin.request('POST', '/api/users/unlock', { email: locked.email })).status).toBe(200)
    expect(await canSignIn(locked.email, PASSWORD)).toBe(true)
  })
})

describe('sign-in tells nothing about which emails have accounts', () => {
  const attempt = async (email: string, password: string) => {
    const started = performance.now()
    const res = await anonymous().request('POST', '/api/users/login', { email, password })
    return { status: res.status, message: res.body.errors?.[0]?.message, ms: performance.now() - started }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

  it('answers an unknown email, a wrong password and a locked account the same way', async () => {
    const known = await createUser(server.payload, 'lockme@alpha.test', 'patient', [world.alpha.id])
    const unknown = await attempt('nobody-here@x.test', PASSWORD)
    const wrong = await attempt(known.email, 'wrong-password')
    for (let i = 0; i < 5; i++) await attempt(known.email, 'wrong-password')
    const locked = await attempt(known.email, PASSWORD)
    expect([wrong.status, wrong.message]).toEqual([unknown.status, unknown.message])
    expect([locked.status, locked.message]).toEqual([unknown.status, unknown.message])
  })

  it('takes about as long for an unknown email as for a known one (the password is hashed either way)', async () => {
    const accounts = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => createUser(server.payload, `timing${i}@alpha.test`, 'patient', [world.alpha.id])),
    )
    const knownMs: number[] = []
    const unknownMs: number[] = []
    for (const [i, a] of accounts.entries()) {
      knownMs.push((await attempt(a.email, 'wrong-password')).ms)
      unknownMs.push((await attempt(`absent${i}@x.test`, 'wrong-password')).ms)
    }
    // Before: ~300 ms against under 10 ms. A wide band: the machine's load moves both alike.
    const ratio = median(unknownMs) / median(knownMs)
    expect(ratio, `unknown ${unknownMs.map(Math.round)} ms, known ${knownMs.map(Math.round)} ms`).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
  })
})
