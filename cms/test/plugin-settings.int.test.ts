/**
 * Clinic settings a plugin declares: edited on the clinic (Clinics → Plugin
 * settings) by the clinic's own admins and platform admins only; secrets
 * encrypted at rest, never returned by any API (to anyone, at any depth) nor
 * logged, kept when the form is saved untouched, replaced or cleared on
 * purpose, and still read after the encryption key changes.
 */
import { randomBytes } from 'node:crypto'
import { createLocalReq, docAccessOperation } from 'payload'
import { fieldSchemasToFormState } from '@payloadcms/ui/forms/fieldSchemasToFormState'
import { definePlugin, pluginsOf, type TelemedPlugin } from '@telemed/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contextFor } from '../src/plugins/context.ts'
import { readClinicSettings } from '../src/plugins/settings/index.ts'
import { reencryptSecrets } from '../src/plugins/settings/rotate.ts'
import { createKeyring, encryptSecret, keyIdOf, storedKeyId } from '../src/plugins/settings/secretBox.ts'
import { SECRET_SET } from '../src/plugins/settings/secretField.ts'
import { withCapturedLogs } from './support/capturedLogs.ts'
import { client, type Client } from './support/http.ts'
import { sessionFor } from './support/sessions.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import type { World } from './support/world.ts'

const currentKey = randomBytes(32)
const oldKey = randomBytes(32)

const paymentsTest = definePlugin({
  name: 'payments-test',
  clinicSettings: [
    { name: 'apiKey', type: 'secret', label: 'API key', description: 'From the dashboard of the payments service.' },
    { name: 'accountName', type: 'text', label: 'Account name' },
    { name: 'sandbox', type: 'checkbox', label: 'Sandbox mode' },
    {
      name: 'region',
      type: 'select',
      label: 'Region',
      options: [
        { label: 'Europe', value: 'eu' },
        { label: 'United States', value: 'us' },
      ],
    },
  ],
})

let server: TestServer
let world: World
let logs: Awaited<ReturnType<typeof withCapturedLogs>>
let plugin: TelemedPlugin
let as: Record<'anonymous' | 'patient' | 'doctor' | 'otherClinicAdmin' | 'clinicAdmin' | 'platformAdmin', Client>

beforeAll(async () => {
  ;({ server, world } = await startWorld(
    { DATA_ENCRYPTION_KEY: currentKey.toString('base64'), DATA_ENCRYPTION_OLD_KEYS: oldKey.toString('hex') },
    { plugins: [paymentsTest] },
  ))
  logs = await withCapturedLogs(server)
  plugin = pluginsOf(server.payload.config).find((p) => p.name === 'payments-test')!
  const session = (id: number | string) => sessionFor(server.payload, logs.url, id)
  as = {
    anonymous: client(logs.url),
    patient: await session(world.alpha.patient.id),
    doctor: await session(world.alpha.doctorUser.id),
    otherClinicAdmin: await session(world.beta.admin.id),
    clinicAdmin: await session(world.alpha.admin.id),
    platformAdmin: await session(world.platformAdmin.id),
  }
})
afterAll(async () => {
  await logs?.close()
  await server?.close()
})

/** The clinic's settings of the plugin as the database holds them. */
const stored = async (clinic = world.alpha.id) => {
  const doc = await server.payload.db.findOne<{ id: number | string; pluginSettings?: { paymentsTest?: Record<string, unknown> } }>({
    collection: 'tenants',
    where: { id: { equals: clinic } },
  })
  return doc?.pluginSettings?.paymentsTest ?? {}
}
const settingsOf = (clinic = world.alpha.id) => readClinicSettings(server.payload, plugin, clinic)
const patchSettings = (who: Client, settings: Record<string, unknown>, clinic = world.alpha.id) =>
  who.request('PATCH', `/api/tenants/${clinic}`, { pluginSettings: { paymentsTest: settings } })

const SECRET = `sk_test_${randomBytes(12).toString('hex')}`

describe('a clinic admin setting the plugin settings of their clinic', () => {
  it('stores the secret encrypted, answers with "set" only, and gives the plugin the plaintext', async () => {
    const saved = await patchSettings(as.clinicAdmin, { apiKey: SECRET, accountName: 'Alpha Ltd', sandbox: true, region: 'eu' })
    expect(saved.status).toBe(200)
    expect(saved.body.doc.pluginSettings.paymentsTest).toEqual({
      apiKey: SECRET_SET,
      accountName: 'Alpha Ltd',
      sandbox: true,
      region: 'eu',
    })

    const raw = await stored()
    expect(raw.apiKey).not.toBe(SECRET)
    expect(String(raw.apiKey)).not.toContain(SECRET.slice(8))
    expect(storedKeyId(String(raw.apiKey))).toBe(keyIdOf(currentKey))

    expect(await settingsOf()).toEqual({ apiKey: SECRET, accountName: 'Alpha Ltd', sandbox: true, region: 'eu' })
    const scope = await contextFor(server.payload, plugin).clinic(world.alpha.id)
    expect(scope).toEqual({
      id: String(world.alpha.id),
      slug: 'alpha',
      settings: { apiKey: SECRET, accountName: 'Alpha Ltd', sandbox: true, region: 'eu' },
    })
    // Another clinic has set nothing.
    expect(await settingsOf(world.beta.id)).toEqual({})
  })

  it('never returns the secret or its ciphertext, to anyone, at any depth; only the clinic and platform admins see the settings', async () => {
    const ciphertext = String((await stored()).apiKey)
    const { alpha } = world
    const reads = [
      `/api/tenants/${alpha.id}`,
      `/api/tenants/${alpha.id}?depth=2`,
      `/api/tenants?where[slug][equals]=alpha&depth=2`,
      `/api/tenants?limit=100`,
      `/api/appointments/${alpha.appointment}?depth=2`,
      `/api/appointments?depth=2`,
      `/api/users/me?depth=2`,
      `/api/users?depth=2`,
      `/api/doctors?depth=2`,
      `/api/records?depth=2`,
    ]
    const sees = async (who: Client) => {
      const answers = await Promise.all(reads.map((path) => who.request('GET', path)))
      for (const answer of answers) {
        const text = JSON.stringify(answer.body)
        expect(text).not.toContain(SECRET)
        expect(text).not.toContain(ciphertext.split(':')[4])
      }
      return JSON.stringify(answers.map((a) => a.body))
    }
    for (const who of [as.anonymous, as.patient, as.doctor]) expect(await sees(who)).not.toContain('pluginSettings')
    // Beta's admin sees Beta's settings, none of Alpha's.
    expect(await sees(as.otherClinicAdmin)).not.toContain('Alpha Ltd')
    const alphaAsBeta = await as.otherClinicAdmin.request('GET', `/api/tenants/${alpha.id}`)
    expect(alphaAsBeta.status).toBe(200)
    expect(alphaAsBeta.body.pluginSettings).toBeUndefined()
    for (const who of [as.clinicAdmin, as.platformAdmin]) {
      const clinic = await who.request('GET', `/api/tenants/${alpha.id}`)
      expect(clinic.body.pluginSettings.paymentsTest).toEqual({ apiKey: SECRET_SET, accountName: 'Alpha Ltd', sandbox: true, region: 'eu' })
      await sees(who)
    }
    // The platform's own code reading with every access overridden (as the admin panel's server does) gets "set" too.
    const local = await server.payload.findByID({ collection: 'tenants', id: alpha.id, overrideAccess: true, depth: 0 })
    expect(JSON.stringify(local)).not.toContain(ciphertext.split(':')[4])
    expect(local).toMatchObject({ pluginSettings: { paymentsTest: { apiKey: SECRET_SET } } })
    // The clinic's own patient sees their clinic populated in their account, without its settings.
    const me = await as.patient.request('GET', '/api/users/me?depth=2')
    expect(me.body.user.tenants[0].tenant).toMatchObject({ slug: 'alpha' })
    expect(me.body.user.tenants[0].tenant.pluginSettings).toBeUndefined()
  })

  it("offers the settings in the admin panel's clinic form to the clinic's admins only", async () => {
    // The permissions the admin panel builds a clinic's form from (Payload's document access).
    const formFor = async (userId: number | string) => {
      const user = await server.payload.findByID({ collection: 'users', id: userId, depth: 0 })
      const req = await createLocalReq({ user: { ...user, collection: 'users' } }, server.payload)
      const access = await docAccessOperation({ collection: server.payload.collections.tenants!, id: world.alpha.id, req })
      // `true`: every field, read and written (Payload's short form of full access).
      return access.fields === true ? 'every field' : access.fields?.pluginSettings
    }
    expect(await formFor(world.alpha.admin.id)).toMatchObject({
      read: true,
      update: true,
      fields: { paymentsTest: { fields: { apiKey: { read: true, update: true }, accountName: { read: true, update: true } } } },
    })
    expect(await formFor(world.platformAdmin.id)).toBe('every field')
    for (const id of [world.beta.admin.id, world.alpha.doctorUser.id]) expect(await formFor(id)).toBeUndefined()
  })

  it('shows a set secret in the clinic form as dots, never its value', async () => {
    // The form state the admin panel builds for the clinic, as its server does (Payload's fieldSchemasToFormState).
    const user = await server.payload.findByID({ collection: 'users', id: world.alpha.admin.id, depth: 0 })
    const req = await createLocalReq({ user: { ...user, collection: 'users' } }, server.payload)
    const access = await docAccessOperation({ collection: server.payload.collections.tenants!, id: world.alpha.id, req })
    const data = await server.payload.findByID({ collection: 'tenants', id: world.alpha.id, depth: 0, overrideAccess: false, req })
    const state = await fieldSchemasToFormState({
      collectionSlug: 'tenants',
      data,
      fields: server.payload.collections.tenants!.config.fields,
      fieldSchemaMap: undefined,
      id: world.alpha.id,
      operation: 'update',
      permissions: access.fields!,
      preferences: { fields: {} },
      renderAllFields: false,
      req,
      schemaPath: 'tenants',
    })
    expect(state['pluginSettings.paymentsTest.apiKey']?.value).toBe('••••••••')
    expect(JSON.stringify(state)).not.toContain(SECRET)
  })

  it('lets nobody search or sort clinics by a setting to guess it', async () => {
    const guess = (who: Client, path: string, op: string, value: string) =>
      who.request('GET', `/api/tenants?where[pluginSettings.paymentsTest.${path}][${op}]=${encodeURIComponent(value)}`)
    for (const who of [as.anonymous, as.patient, as.doctor, as.otherClinicAdmin, as.clinicAdmin]) {
      for (const answer of [await guess(who, 'accountName', 'equals', 'Alpha Ltd'), await guess(who, 'apiKey', 'like', 'v1')]) {
        expect(answer.status).toBe(400)
        expect(answer.body.errors[0].message).toMatch(/^The following path cannot be queried: pluginSettings\.paymentsTest\./)
      }
      expect((await who.request('GET', '/api/tenants?sort=pluginSettings.paymentsTest.accountName')).status).toBe(400)
    }
    // Platform admins may filter on the plain settings, never on a secret.
    expect((await guess(as.platformAdmin, 'accountName', 'equals', 'Alpha Ltd')).body.docs.map((d: { slug: string }) => d.slug)).toEqual([
      'alpha',
    ])
    expect((await guess(as.platformAdmin, 'apiKey', 'like', 'v1')).status).toBe(400)
    expect((await guess(as.platformAdmin, 'apiKey', 'exists', 'true')).status).toBe(400)
    expect((await as.platformAdmin.request('GET', '/api/tenants?sort=pluginSettings.paymentsTest.apiKey')).status).toBe(400)
  })

  it('keeps the secret when the clinic is saved without touching it, whole form or not', async () => {
    // The admin panel sends back the whole document it read, the placeholder included.
    const form = (await as.clinicAdmin.request('GET', `/api/tenants/${world.alpha.id}?depth=0`)).body
    const saved = await as.clinicAdmin.request('PATCH', `/api/tenants/${world.alpha.id}`, { ...form, name: 'Clinic alpha (renamed)' })
    expect(saved.status).toBe(200)
    expect((await as.clinicAdmin.request('PATCH', `/api/tenants/${world.alpha.id}`, { name: 'Clinic alpha' })).status).toBe(200)
    expect((await patchSettings(as.clinicAdmin, { accountName: 'Alpha Limited' })).status).toBe(200)
    expect(await settingsOf()).toEqual({ apiKey: SECRET, accountName: 'Alpha Limited', sandbox: true, region: 'eu' })
    // An empty group says nothing about the secret either.
    expect((await as.clinicAdmin.request('PATCH', `/api/tenants/${world.alpha.id}`, { pluginSettings: { paymentsTest: {} } })).status).toBe(
      200,
    )
    expect((await settingsOf()).apiKey).toBe(SECRET)
  })

  it('replaces the secret with a new value, and clears it when emptied', async () => {
    const next = `sk_test_${randomBytes(12).toString('hex')}`
    expect((await patchSettings(as.clinicAdmin, { apiKey: next })).status).toBe(200)
    expect((await settingsOf()).apiKey).toBe(next)
    expect((await patchSettings(as.platformAdmin, { apiKey: '' })).body.doc.pluginSettings.paymentsTest.apiKey).toBeNull()
    expect(await settingsOf()).not.toHaveProperty('apiKey')
    expect((await stored()).apiKey).toBeNull()
    expect((await patchSettings(as.clinicAdmin, { apiKey: SECRET })).status).toBe(200)
    expect((await settingsOf()).apiKey).toBe(SECRET)
  })

  it('refuses a new value typed after the dots, saying why, and keeps the old one', async () => {
    const before = (await stored()).apiKey
    const answer = await patchSettings(as.clinicAdmin, { apiKey: `${SECRET_SET}abc` })
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toContain('Type the whole new value of API key')
    expect((await stored()).apiKey).toBe(before)
    // A form refused for another field keeps the old secret too, and the typed one goes nowhere.
    const refused = await as.clinicAdmin.request('PATCH', `/api/tenants/${world.alpha.id}`, {
      slug: 'Not A Slug',
      pluginSettings: { paymentsTest: { apiKey: 'typed-in-a-refused-form' } },
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).not.toContain('typed-in-a-refused-form')
    expect((await stored()).apiKey).toBe(before)
  })
})

describe('a platform admin opening a clinic', () => {
  it('sets its secret in the same request, encrypted', async () => {
    const created = await as.platformAdmin.request('POST', '/api/tenants', {
      name: 'Clinic gamma',
      slug: 'gamma',
      pluginSettings: { paymentsTest: { apiKey: 'gamma-key', region: 'us' } },
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.pluginSettings.paymentsTest).toMatchObject({ apiKey: SECRET_SET, region: 'us' })
    expect(String((await stored(created.body.doc.id)).apiKey)).toMatch(/^v1:/)
    expect(await settingsOf(created.body.doc.id)).toEqual({ apiKey: 'gamma-key', region: 'us' })
  })
})

describe("another clinic's admin, a doctor and a patient", () => {
  it('cannot change the settings of a clinic', async () => {
    const before = await stored()
    for (const who of [as.otherClinicAdmin, as.doctor, as.patient, as.anonymous]) {
      const answer = await patchSettings(who, { apiKey: 'attacker-key', accountName: 'Attacker' })
      expect([401, 403, 404]).toContain(answer.status)
    }
    expect(await stored()).toEqual(before)
    // Beta's admin changes Beta's settings, not Alpha's.
    expect((await patchSettings(as.otherClinicAdmin, { apiKey: 'beta-key' }, world.beta.id)).status).toBe(200)
    expect((await settingsOf(world.beta.id)).apiKey).toBe('beta-key')
    expect((await settingsOf()).apiKey).toBe(SECRET)
  })
})

describe('the encryption key', () => {
  const context = 'payments-test.apiKey'

  it('still reads a secret of the old key after the key changed, and rotation writes it again under the new key', async () => {
    const underOldKey = encryptSecret(createKeyring(oldKey), 'old-key-secret', context)
    await server.payload.db.updateOne({
      collection: 'tenants',
      id: world.beta.id,
      data: { pluginSettings: { paymentsTest: { apiKey: underOldKey } } },
    })
    expect((await settingsOf(world.beta.id)).apiKey).toBe('old-key-secret')

    const report = await reencryptSecrets(server.payload)
    expect(report).toEqual({ reencrypted: 1, unreadable: [] })
    const rotated = String((await stored(world.beta.id)).apiKey)
    expect(storedKeyId(rotated)).toBe(keyIdOf(currentKey))
    expect((await settingsOf(world.beta.id)).apiKey).toBe('old-key-secret')
    // Everything else of the clinic is as it was.
    expect((await settingsOf()).apiKey).toBe(SECRET)
  })

  it('is rotated for a clinic when its admin saves it', async () => {
    await server.payload.db.updateOne({
      collection: 'tenants',
      id: world.beta.id,
      data: { pluginSettings: { paymentsTest: { apiKey: encryptSecret(createKeyring(oldKey), 'saved-again', context) } } },
    })
    expect((await as.otherClinicAdmin.request('PATCH', `/api/tenants/${world.beta.id}`, { name: 'Clinic beta' })).status).toBe(200)
    expect(storedKeyId(String((await stored(world.beta.id)).apiKey))).toBe(keyIdOf(currentKey))
    expect((await settingsOf(world.beta.id)).apiKey).toBe('saved-again')
  })

  it('names the missing key when a secret was written with a key the platform no longer has', async () => {
    const lost = randomBytes(32)
    await server.payload.db.updateOne({
      collection: 'tenants',
      id: world.beta.id,
      data: { pluginSettings: { paymentsTest: { apiKey: encryptSecret(createKeyring(lost), 'lost', context) } } },
    })
    await expect(settingsOf(world.beta.id)).rejects.toThrow(`encrypted with key ${keyIdOf(lost)}`)
    expect((await reencryptSecrets(server.payload)).unreadable).toEqual([{ clinic: world.beta.id, setting: context, keyId: keyIdOf(lost) }])
    // Saving the clinic still works, and setting the secret again repairs it.
    expect((await patchSettings(as.otherClinicAdmin, { accountName: 'Beta' }, world.beta.id)).status).toBe(200)
    expect((await patchSettings(as.otherClinicAdmin, { apiKey: 'set-again' }, world.beta.id)).status).toBe(200)
    expect((await settingsOf(world.beta.id)).apiKey).toBe('set-again')
  })
})

describe('what the platform writes down', () => {
  it('keeps the secrets out of the logs and the audit log', async () => {
    const ciphertext = String((await stored()).apiKey)
    const text = logs.text()
    expect(text).toContain('/api/tenants/') // the requests above were logged
    const secrets = [SECRET, 'beta-key', 'gamma-key', 'old-key-secret', 'set-again', 'typed-in-a-refused-form', ciphertext.split(':')[4]!]
    for (const secret of secrets) {
      expect(text).not.toContain(secret)
    }
    const audit = await server.payload.db.find({ collection: 'audit-log', pagination: false, limit: 0 })
    const entries = JSON.stringify(audit.docs)
    expect(entries).toContain('tenants')
    for (const secret of [SECRET, 'beta-key', ciphertext.split(':')[4]!]) expect(entries).not.toContain(secret)
  })
})
