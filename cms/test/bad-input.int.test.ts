/** Bad input gets a 4xx a person can act on, nothing is stored, and the server keeps serving. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { nextSlot, PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let admin: Client
let patient: Client

beforeAll(async () => {
  ;({ server, world } = await startWorld({ UPLOAD_MAX_BYTES: String(64 * 1024) }))
  admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
})
afterAll(() => server?.close())

const count = (collection: 'appointments' | 'records' | 'users' | 'tenants') =>
  server.payload.count({ collection, overrideAccess: true }).then((r) => r.totalDocs)
const message = (body: any) => JSON.stringify(body)

function upload(content: Uint8Array<ArrayBuffer> | string, name: string, type: string) {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ tenant: world.alpha.id, patient: world.alpha.patient.id, title: 'Upload', kind: 'other' }))
  form.append('file', new Blob([content], { type }), name)
  return form
}

const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
)

describe('bad input', () => {
  it('answers malformed JSON with 400 and stores nothing', async () => {
    const before = await count('appointments')
    const res = await fetch(`${server.url}/api/appointments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${admin.token}` },
      body: '{"reason": "broken',
    })
    expect(res.status).toBe(400)
    expect(await count('appointments')).toBe(before)
  })

  it('names the field when a value has the wrong type or a date does not parse', async () => {
    const before = await count('appointments')
    const base = { tenant: world.alpha.id, patient: world.alpha.patient.id, doctor: world.alpha.doctor, visitType: 'video' }
    const badDate = await admin.request('POST', '/api/appointments', { ...base, start: 'next tuesday-ish', end: 'later' })
    expect(badDate.status).toBe(400)
    expect(message(badDate.body)).toMatch(/start/)
    const badType = await admin.request('POST', '/api/appointments', { ...base, ...nextSlot(), status: 'maybe' })
    expect(badType.status).toBe(400)
    expect(message(badType.body)).toMatch(/status/)
    const backwards = await admin.request('POST', '/api/appointments', {
      ...base,
      start: '2030-01-01T10:00:00Z',
      end: '2030-01-01T09:00:00Z',
    })
    expect([backwards.status, message(backwards.body)]).toEqual([400, expect.stringMatching(/must end after it starts/)])
    expect(await count('appointments')).toBe(before)
  })

  it('refuses an unknown clinic, doctor or patient with a clear message', async () => {
    const before = await count('appointments')
    const res = await admin.request('POST', '/api/appointments', {
      tenant: 987654,
      patient: world.alpha.patient.id,
      doctor: world.alpha.doctor,
      ...nextSlot(),
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    const foreignDoctor = await admin.request('POST', '/api/appointments', {
      tenant: world.alpha.id,
      patient: world.alpha.patient.id,
      doctor: world.beta.doctor,
      ...nextSlot(),
    })
    expect([foreignDoctor.status, message(foreignDoctor.body)]).toEqual([400, expect.stringMatching(/does not practise at the clinic/)])
    const foreignPatient = await admin.request('POST', '/api/appointments', {
      tenant: world.alpha.id,
      patient: world.beta.patient.id,
      doctor: world.alpha.doctor,
      ...nextSlot(),
    })
    expect([foreignPatient.status, message(foreignPatient.body)]).toEqual([400, expect.stringMatching(/not registered with the clinic/)])
    expect(await count('appointments')).toBe(before)
  })

  it('refuses oversized JSON bodies with 413', async () => {
    const res = await patient.request('PATCH', `/api/users/${world.alpha.patient.id}`, { name: 'x'.repeat(2 * 1024 * 1024) })
    expect([res.status, message(res.body)]).toEqual([413, expect.stringMatching(/larger than/)])
    const stored = await server.payload.findByID({ collection: 'users', id: world.alpha.patient.id, overrideAccess: true })
    expect(stored.name).not.toMatch(/^xxxx/)
  })

  it('refuses uploads over the size limit with 413', async () => {
    const before = await count('records')
    const res = await patient.request('POST', '/api/records', upload('a'.repeat(200 * 1024), 'big.txt', 'text/plain'))
    expect(res.status).toBe(413)
    expect(await count('records')).toBe(before)
  })

  it("checks a file's type from its content, not its name or declared type", async () => {
    const before = await count('records')
    const disguised = await patient.request(
      'POST',
      '/api/records',
      upload(Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), 'scan.pdf', 'application/pdf'),
    )
    expect([disguised.status, message(disguised.body)]).toEqual([415, expect.stringMatching(/Upload a PDF, PNG, JPEG or plain-text file/)])
    const webPage = await patient.request(
      'POST',
      '/api/records',
      upload('<html><script>alert(1)</script></html>', 'note.html', 'text/html'),
    )
    expect(webPage.status).toBe(400)
    expect(await count('records')).toBe(before)

    // Markup in a text file stays text: stored and served as text/plain, never sniffed into HTML.
    const html = await patient.request('POST', '/api/records', upload('<html><script>alert(1)</script></html>', 'note.txt', 'text/html'))
    expect([html.status, html.body.doc?.mimeType]).toEqual([201, 'text/plain'])
    const served = await fetch(`${server.url}${new URL(html.body.doc.url).pathname}`, {
      headers: { Authorization: `JWT ${patient.token}` },
    })
    expect([served.status, served.headers.get('content-type'), served.headers.get('x-content-type-options')]).toEqual([
      200,
      expect.stringMatching(/^text\/plain/),
      'nosniff',
    ])

    const png = await patient.request('POST', '/api/records', upload(PNG, 'photo.txt', 'text/plain'))
    expect([png.status, png.body.doc?.mimeType]).toEqual([201, 'image/png'])
  })

  it("refuses a registration without the clinic's consent, and stamps the consent's time itself", async () => {
    const before = await count('users')
    const person = { name: 'New Person', password: PASSWORD, tenants: [{ tenant: world.alpha.id }] }
    const refused = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...person, email: 'no-consent@x.test' }),
    })
    expect([refused.status, message(await refused.json())]).toEqual([400, expect.stringContaining("Accept the clinic's consent and terms")])
    expect(await count('users')).toBe(before)
    const registered = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...person,
        email: 'consent@x.test',
        consents: [{ tenant: world.alpha.id, acceptedAt: '2000-01-01T00:00:00.000Z' }],
      }),
    })
    expect(registered.status).toBe(201)
    const { doc } = (await registered.json()) as { doc: { id: number } }
    const stored = await server.payload.findByID({ collection: 'users', id: doc.id, overrideAccess: true, depth: 0 })
    expect(Date.now() - Date.parse(stored.consents![0]!.acceptedAt)).toBeLessThan(60_000)
  })

  it('keeps serving after all of that', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    expect((await patient.request('GET', '/api/appointments')).status).toBe(200)
  })
})
