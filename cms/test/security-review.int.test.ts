/**
 * Regression tests of the review of today's doors (registration, joining,
 * credentials, doctors of two clinics, document locks, TRUST_PROXY), each
 * through the door the hole was found at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import { emailTo, linkIn } from './support/outbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createAppointment, createDoctorProfile, createRecord, createUser, PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
const anonymous = () => client(server.url)
const sys = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  ;({ server, world } = await startWorld())
})
afterAll(() => server?.close())

const register = (who: Client, clinic: unknown, email: string, password: string) =>
  who.request('POST', '/api/users/register', { clinic, name: 'Some Person', email, password, consent: true })
const accountByEmail = async (email: string) =>
  (await server.payload.find({ collection: 'users', where: { email: { equals: email } }, ...sys })).docs[0] as any
const clinicIds = (list: { tenant: unknown }[] | undefined) => (list ?? []).map((m) => String(m.tenant)).sort()
/** Confirms the `nth` registration email sent to `email` with `password`: the answer of POST /api/users/confirm-email. */
async function confirm(email: string, password: string, nth: number) {
  const mail = await emailTo(email, /Confirm your email/, { nth })
  const token = new URL(linkIn(mail.body, /confirm-email\?token=/)!).searchParams.get('token')
  return anonymous().request('POST', '/api/users/confirm-email', { token, password })
}

describe('registering again before the email is confirmed', () => {
  it("does not carry a role a clinic's admin gave the first registration into another clinic", async () => {
    // Alpha's admin registers an address they control on Alpha's site, makes it an Alpha clinic admin
    // (their right inside Alpha), then registers the same address on Beta's site.
    const email = 'sidekick@evil.test'
    expect((await register(anonymous(), 'alpha', email, 'first-passphrase-1')).status).toBe(202)
    const alphaAdmin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    expect((await alphaAdmin.request('PATCH', `/api/users/${(await accountByEmail(email)).id}`, { role: 'clinic-admin' })).status).toBe(200)
    expect((await register(anonymous(), 'beta', email, 'second-passphrase-2')).status).toBe(202)

    const account = await accountByEmail(email)
    expect(clinicIds(account.tenants)).toEqual([String(world.alpha.id)])
    // Beta's registration opened nothing: the second password does not confirm anything, the first one still does.
    expect((await confirm(email, 'second-passphrase-2', 1)).status).toBe(400)
    const confirmed = await confirm(email, 'first-passphrase-1', 1)
    expect(confirmed.status).toBe(200)
    const session = client(server.url, confirmed.body.token)
    expect((await session.request('GET', `/api/records/${world.beta.record}`)).status).toBe(404)
    const betaAccounts = await session.request('GET', `/api/users?where[tenants.tenant][equals]=${world.beta.id}`)
    expect(betaAccounts.body.docs).toEqual([])
  })

  it('gives the person who confirms only the clinic they registered with, not one a stranger chose first', async () => {
    const email = 'pre-registered@victim.test'
    expect((await register(anonymous(), 'alpha', email, 'strangers-passphrase-1')).status).toBe(202)
    expect((await register(anonymous(), 'beta', email, 'victims-passphrase-2')).status).toBe(202)
    const confirmed = await confirm(email, 'victims-passphrase-2', 2)
    expect(confirmed.status).toBe(200)
    const account = await accountByEmail(email)
    // Only Beta, with Beta's consent: Alpha's admins never see this person, who never accepted Alpha's terms.
    expect([clinicIds(account.tenants), clinicIds(account.consents)]).toEqual([[String(world.beta.id)], [String(world.beta.id)]])
    const alphaAdmin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    expect((await alphaAdmin.request('GET', `/api/users/${account.id}`)).status).toBe(404)
  })
})

describe('registration by someone already signed in', () => {
  it('answers the same whatever the email, so no account can learn which emails have accounts', async () => {
    for (const who of [world.alpha.patient, world.alpha.doctorUser, world.alpha.admin]) {
      const caller = await signIn(server.url, who.email, PASSWORD)
      const before = (await server.payload.count({ collection: 'users', overrideAccess: true })).totalDocs
      const unknown = await register(caller, 'beta', `not-yet-${who.id}@x.test`, 'some-passphrase-1')
      const known = await register(caller, 'beta', world.beta.patient.email, 'some-passphrase-1')
      expect(known.status).toBe(unknown.status)
      expect(known.body.errors?.[0]?.message ?? known.body.message?.replace(world.beta.patient.email, 'E')).toBe(
        unknown.body.errors?.[0]?.message ?? unknown.body.message?.replace(`not-yet-${who.id}@x.test`, 'E'),
      )
      expect((await server.payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(before)
    }
  })
})

describe('the current password asked for a change of email or password', () => {
  it('counts as a sign-in attempt: five wrong ones lock the account, as at sign-in', async () => {
    const me = await createUser(server.payload, 'stolen-session@alpha.test', 'patient', [world.alpha.id])
    const session = await signIn(server.url, me.email, PASSWORD)
    const guess = (currentPassword: string) =>
      session.request('PATCH', `/api/users/${me.id}`, { email: 'thief@evil.test', currentPassword })
    for (let i = 0; i < 5; i++) expect((await guess(`guess-number-${i}`)).status).toBe(400)
    // Locked now: the right password no longer helps, here or at sign-in.
    const right = await guess(PASSWORD)
    expect([right.status, right.body.errors[0].data?.errors?.[0]?.path]).toEqual([400, 'currentPassword'])
    expect((await anonymous().request('POST', '/api/users/login', { email: me.email, password: PASSWORD })).status).toBe(401)
    expect((await accountByEmail(me.email))?.email).toBe(me.email)
  })

  it('is asked for an email that is not text too: a 400, never a 500', async () => {
    const me = await createUser(server.payload, 'odd-email@alpha.test', 'patient', [world.alpha.id])
    const session = await signIn(server.url, me.email, PASSWORD)
    const admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    for (const [who, email] of [
      [session, ['thief@evil.test']],
      [admin, ['thief@evil.test']],
      [admin, { toLowerCase: 'x' }],
    ] as const) {
      const res = await who.request('PATCH', `/api/users/${me.id}`, { email, currentPassword: PASSWORD })
      expect(res.status).toBe(400)
    }
    expect((await accountByEmail(me.email))?.id).toBe(me.id)
  })
})

describe('a doctor who works at two clinics', () => {
  it("sees a patient's data only at the clinic where the patient is theirs", async () => {
    const doctorAccount = await createUser(server.payload, 'two-clinics@doctor.test', 'doctor', [world.alpha.id, world.beta.id])
    const atAlpha = await createDoctorProfile(server.payload, doctorAccount.id, world.alpha.id, 'Dr. Both (Alpha)')
    await createDoctorProfile(server.payload, doctorAccount.id, world.beta.id, 'Dr. Both (Beta)')
    const patient = await createUser(server.payload, 'both-clinics@patient.test', 'patient', [world.alpha.id, world.beta.id])
    const alphaVisit = await createAppointment(server.payload, world.alpha.id, patient.id, atAlpha)
    const alphaRecord = await createRecord(server.payload, world.alpha.id, patient.id, 'Alpha blood test')
    const betaRecord = await createRecord(server.payload, world.beta.id, patient.id, 'Beta psychiatric assessment')
    const betaVisit = await createAppointment(server.payload, world.beta.id, patient.id, world.beta.doctor)
    const doctor = await signIn(server.url, doctorAccount.email, PASSWORD)

    expect((await doctor.request('GET', `/api/appointments/${alphaVisit}`)).status).toBe(200)
    expect((await doctor.request('GET', `/api/records/${alphaRecord}`)).status).toBe(200)
    // Beta's documents of this patient are Beta's: the doctor has no visit with them there.
    expect((await doctor.request('GET', `/api/records/${betaRecord}`)).status).toBe(404)
    expect((await doctor.request('GET', `/api/appointments/${betaVisit}`)).status).toBe(404)
    const listed = await doctor.request('GET', `/api/records?where[patient][equals]=${patient.id}`)
    expect(listed.body.docs.map((d: any) => d.id)).toEqual([alphaRecord])
    // Nor can the doctor write at Beta about them, which would make them theirs there.
    const start = new Date(Date.now() + 90 * 24 * 3_600_000).toISOString()
    const opened = await doctor.request('POST', '/api/appointments', {
      tenant: world.beta.id,
      patient: patient.id,
      doctor: (await server.payload.find({ collection: 'doctors', where: { user: { equals: doctorAccount.id } }, ...sys })).docs.find(
        (d: any) => String(d.tenant) === String(world.beta.id),
      )!.id,
      start,
      end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
      status: 'confirmed',
      visitType: 'video',
    })
    expect(opened.status).toBe(403)
  })
})

describe('document locks', () => {
  it('cannot be handed to another account by the one who holds it', async () => {
    const doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
    const lock = await doctor.request('POST', '/api/payload-locked-documents', {
      document: { relationTo: 'appointments', value: world.alpha.appointment },
      user: { relationTo: 'users', value: world.alpha.doctorUser.id },
    })
    expect(lock.status).toBe(201)
    const handed = await doctor.request('PATCH', `/api/payload-locked-documents/${lock.body.doc.id}`, {
      user: { relationTo: 'users', value: world.beta.admin.id },
    })
    expect(handed.status).toBe(403)
    const stored = (await server.payload.findByID({ collection: 'payload-locked-documents', id: lock.body.doc.id, ...sys })) as any
    expect(String(stored.user.value)).toBe(String(world.alpha.doctorUser.id))
  })
})

describe('TRUST_PROXY', () => {
  it('refuses ranges that cover every address, which would believe any client as "true" would', async () => {
    const { parseEnv } = await import('@telemed/config')
    for (const value of ['0.0.0.0/0', '::/0', '10.0.0.0/8, 0.0.0.0/0'])
      expect(() => parseEnv({ ...process.env, TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY/)
    expect(parseEnv({ ...process.env, TRUST_PROXY: '10.0.0.0/8, loopback' }).TRUST_PROXY).toEqual(['10.0.0.0/8', 'loopback'])
  })
})
