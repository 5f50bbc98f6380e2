/** Bad input gets a 4xx a person can act on, nothing is stored, and the server keeps serving. */
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { nextSlot, PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let admin: Client
let patient: Client
let platformAdmin: Client

beforeAll(async () => {
  ;({ server, world } = await startWorld({ UPLOAD_MAX_BYTES: String(64 * 1024) }))
  admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  platformAdmin = await signIn(server.url, world.platformAdmin.email, PASSWORD)
})
afterAll(() => server?.close())

const count = (collection: 'appointments' | 'records' | 'users' | 'tenants') =>
  server.payload.count({ collection, overrideAccess: true }).then((r) => r.totalDocs)
const message = (body: any) => JSON.stringify(body)

/** A request whose path is sent exactly as written (fetch, like a browser, resolves "..", "%2e%2e" and "\\"). */
function rawHttp(method: string, path: string, body: string) {
  const { hostname, port } = new URL(server.url)
  return new Promise<{ status: number; text: string }>((done, fail) => {
    const req = httpRequest({ hostname, port, method, path, headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = ''
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => done({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', fail)
    req.end(body)
  })
}

/** A request with exactly this body and content type, as a hostile or broken client sends it. */
async function raw(
  method: string,
  path: string,
  body: string | undefined,
  type: string,
  token?: string,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': type, ...(token ? { Authorization: `JWT ${token}` } : {}), ...headers },
    body,
  })
  return { status: res.status, text: await res.text() }
}

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
    const register = (body: Record<string, unknown>) => client(server.url).request('POST', '/api/users/register', body)
    const person = { clinic: 'alpha', name: 'New Person', password: 'my-own-secret-9' }
    const refused = await register({ ...person, email: 'no-consent@x.test' })
    expect([refused.status, refused.body.errors?.[0]?.path]).toEqual([400, 'consent'])
    expect(await count('users')).toBe(before)
    // A time the client claims for its consent is not taken: the server stamps its own.
    const registered = await register({
      ...person,
      email: 'consent@x.test',
      consent: true,
      consents: [{ tenant: world.alpha.id, acceptedAt: '2000-01-01T00:00:00.000Z' }],
    })
    expect(registered.status).toBe(202)
    const { docs } = await server.payload.find({
      collection: 'users',
      where: { email: { equals: 'consent@x.test' } },
      overrideAccess: true,
      depth: 0,
    })
    expect(Date.now() - Date.parse(docs[0]!.consents![0]!.acceptedAt)).toBeLessThan(60_000)
  })

  it('answers a JSON body that is not an object with 400, on create and on update, and stores nothing', async () => {
    const before = await Promise.all([count('tenants'), count('appointments')])
    const visit = await server.payload.findByID({ collection: 'appointments', id: world.alpha.appointment, overrideAccess: true, depth: 0 })
    for (const body of ['"x"', '[]', '[1]', 'null', '5', 'true']) {
      for (const [method, path] of [
        ['POST', '/api/tenants'],
        ['POST', '/api/appointments'],
        ['PATCH', `/api/appointments/${world.alpha.appointment}`],
        ['PATCH', `/api/tenants/${world.alpha.id}`],
      ] as const) {
        const res = await raw(method, path, body, 'application/json', platformAdmin.token)
        expect([path, body, res.status, res.text], `${method} ${path} ${body}`).toEqual([
          path,
          body,
          400,
          expect.stringContaining('The request body must be a JSON object'),
        ])
      }
    }
    expect(await Promise.all([count('tenants'), count('appointments')])).toEqual(before)
    const after = await server.payload.findByID({ collection: 'appointments', id: world.alpha.appointment, overrideAccess: true, depth: 0 })
    expect(after.updatedAt).toBe(visit.updatedAt)
  })

  it('refuses a group of fields sent as null with 400 naming it, and changes nothing', async () => {
    const before = await server.payload.findByID({ collection: 'tenants', id: world.alpha.id, overrideAccess: true, depth: 0 })
    for (const body of [{ contact: null }, { name: 'Renamed', bookingPolicy: null }]) {
      const res = await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, body)
      const group = Object.keys(body).find((k) => k !== 'name')!
      expect([res.status, message(res.body)]).toEqual([400, expect.stringContaining(`${group} is a group of fields`)])
    }
    const after = await server.payload.findByID({ collection: 'tenants', id: world.alpha.id, overrideAccess: true, depth: 0 })
    expect(after).toEqual(before)
  })

  it('refuses bodies Payload cannot read (another content type, a broken form) with a 4xx that says what to send', async () => {
    const before = await Promise.all([count('tenants'), count('records')])
    const text = await raw('POST', '/api/tenants', 'name=Evil', 'text/plain', platformAdmin.token)
    expect([text.status, text.text]).toEqual([415, expect.stringContaining('Send the request body as JSON')])
    const form = await raw('POST', '/api/tenants', 'name=Evil&slug=evil', 'application/x-www-form-urlencoded', platformAdmin.token)
    expect(form.status).toBe(415)
    const broken = await raw(
      'POST',
      '/api/records',
      '--b\r\nContent-Disposition: form-data; name="file"',
      'multipart/form-data; boundary=b',
      patient.token,
    )
    expect([broken.status, broken.text]).toEqual([400, expect.stringContaining('The upload could not be read')])
    const noBoundary = await raw('POST', '/api/records', 'xyz', 'multipart/form-data', patient.token)
    expect(noBoundary.status).toBe(400)
    const notAnObject = new FormData()
    notAnObject.append('_payload', '["title"]')
    notAnObject.append('file', new Blob(['result\n'], { type: 'text/plain' }), 'r.txt')
    const list = await patient.request('POST', '/api/records', notAnObject)
    expect([list.status, message(list.body)]).toEqual([400, expect.stringMatching(/_payload field of the form must be a JSON object/)])
    expect(await Promise.all([count('tenants'), count('records')])).toEqual(before)
  })

  it('answers ids that are not whole numbers, or beyond what the database holds, with 404 naming the id', async () => {
    const cases = [
      ['GET', '/api/tenants/abc'],
      ['GET', '/api/records/99999999999999999999'],
      ['GET', '/api/appointments/1.5'],
      ['PATCH', '/api/tenants/abc'],
      ['DELETE', '/api/tenants/abc'],
      ['DELETE', '/api/records/99999999999999999999'],
      ['GET', '/api/appointments/abc/ics'],
      ['GET', '/api/doctors/99999999999999999999/slots'],
      ['POST', '/api/appointments/12345678901234567890/cancel'],
    ] as const
    const before = await Promise.all([count('tenants'), count('records'), count('appointments')])
    for (const [method, path] of cases) {
      const res = await raw(
        method,
        path,
        method === 'GET' || method === 'DELETE' ? undefined : '{}',
        'application/json',
        platformAdmin.token,
      )
      expect([path, res.status, res.text]).toEqual([path, 404, expect.stringMatching(/There is no [a-z ]+ with the id/)])
    }
    expect(await Promise.all([count('tenants'), count('records'), count('appointments')])).toEqual(before)
  })

  it('refuses query values that do not fit their field with 400 naming the parameter', async () => {
    const cases: [string, RegExp][] = [
      ['where[start][greater_than]=abc', /where\[start\]\[greater_than\]: "abc" is not a date/],
      ['where[id][equals][foo]=1', /where\[id\]\[equals\]: give a single value/],
      ['where[tenant][in]=x', /where\[tenant\]\[in\]: "x" is not an id/],
      ['where[patient][equals]=99999999999999999999', /is not an id/],
      ['where[status][equals]=maybe', /is not one of/],
      ['where[start][like]=2026', /like matches text/],
      ['where[reason][bogus]=1', /"bogus" is not an operator/],
      ['where[reason]=x', /needs an operator/],
      ['where[and]=1', /where\[and\] must be a list of conditions/],
      ['where=abc', /where is not valid JSON/],
      ['limit=99999999999999999999', /limit must be a whole number/],
      ['page=-1', /page must be a whole number/],
      ['depth=deep', /depth must be a whole number/],
      ['sort[a]=b', /sort must name fields/],
      ['select[reason]=maybe', /select must name fields/],
      ['where[reason][like]=a%00b', /NUL character/],
      ['where[history.at][all]=2026-01-01', /this database cannot compare with "all"/],
      ['where[id][in]=null', /is not an id/],
      ['where[patient][in]=null', /is not an id/],
      ['where[reason][not_like]=a%5C', /ends with a backslash/],
      ['where[visitNotes.root.a][in]=x', /give a list/],
      ['where[visitNotes][like]=x', /holds structured content/],
      ['data=5', /data must be a JSON object/],
      [`where=${encodeURIComponent(`${'{"and":['.repeat(100)}{}${']}'.repeat(100)}`)}`, /nests more than 32 levels/],
    ]
    for (const [query, expected] of cases) {
      const res = await admin.request('GET', `/api/appointments?${query}`)
      expect([query, res.status, res.body.errors?.[0]?.message]).toEqual([query, 400, expect.stringMatching(expected)])
      // Each names the parameter to fix (the NUL check is about the whole address).
      if (!/%00|%7B/.test(query)) expect(res.body.errors[0].path).toBeTruthy()
    }
    // The same query as the admin panel sends it for long lists, in the body of a POST that stands for a GET.
    const override = await raw(
      'POST',
      '/api/appointments',
      'where[start][greater_than]=abc',
      'application/x-www-form-urlencoded',
      admin.token,
      {
        'X-Payload-HTTP-Method-Override': 'GET',
      },
    )
    expect([override.status, override.text]).toEqual([400, expect.stringContaining('is not a date')])
    // Values that fit go through.
    const fine = await admin.request(
      'GET',
      `/api/appointments?where[start][greater_than]=2000-01-01&where[tenant][in]=${world.alpha.id}&limit=5`,
    )
    expect([fine.status, fine.body.docs.length]).toEqual([200, expect.any(Number)])
    expect(fine.body.docs.length).toBeGreaterThan(0)
    // An id that cannot exist matches nothing (the clinic site looks doctors up by the id in its address).
    const none = await admin.request('GET', '/api/doctors?where[id][equals]=abc')
    expect([none.status, none.body.docs]).toEqual([200, []])
    expect((await admin.request('GET', '/api/doctors?where[id][equals]=99999999999999999999')).status).toBe(400)
  })

  it('refuses what no column can hold (a NUL character, a document nested a hundred deep), and stores nothing', async () => {
    const before = await server.payload.findByID({ collection: 'tenants', id: world.alpha.id, overrideAccess: true, depth: 0 })
    const nul = await platformAdmin.request('PATCH', `/api/tenants/${world.alpha.id}`, { name: 'Clinic\u0000' })
    expect([nul.status, message(nul.body)]).toEqual([400, expect.stringContaining('NUL character')])
    const deep = await raw(
      'PATCH',
      `/api/tenants/${world.alpha.id}`,
      `{"terms":${'{"root":'.repeat(200)}1${'}'.repeat(200)}}`,
      'application/json',
      platformAdmin.token,
    )
    expect([deep.status, deep.text]).toEqual([400, expect.stringContaining('levels deep')])
    // Endpoints that write through Payload's fields (here a booking's reason, a chat message) refuse it too.
    const chat = await patient.request('POST', `/api/appointments/${world.alpha.appointment}/messages`, { body: 'hi\u0000' })
    expect([chat.status, message(chat.body)]).toEqual([400, expect.stringContaining('NUL character')])
    const after = await server.payload.findByID({ collection: 'tenants', id: world.alpha.id, overrideAccess: true, depth: 0 })
    expect(after.updatedAt).toBe(before.updatedAt)
    expect((await raw('GET', '/api/slots?clinic=a%00b', undefined, 'application/json')).status).toBe(400)
  })

  it('answers an address that is not in the API with 404 in its one shape, and refuses paths that resolve elsewhere', async () => {
    for (const path of ['/api/nowhere', '/api/payload-migrations', '/api/tenants/count/extra', '/api']) {
      const res = await admin.request('GET', path)
      expect([path, res.status, message(res.body)]).toEqual([path, 404, expect.stringContaining('There is no GET')])
    }
    // "%2e%2e" would resolve to /api/users/login past the sign-in rate limit, which matches the path as sent.
    const dotted = await rawHttp('POST', '/api/users/x/%2e%2e/login', '{"email":"a@b.c","password":"x"}')
    expect([dotted.status, JSON.parse(dotted.text).errors[0].message]).toEqual([400, expect.stringContaining('"." or ".." segments')])
    expect((await rawHttp('PATCH', `/api/tenants\\${world.alpha.id}`, '{}')).status).toBe(400)
  })

  it("answers Payload's own routes for what does not exist with 404: a file, a preference, a relationship to many collections", async () => {
    const file = await admin.request('GET', '/api/media/file/made-up.png')
    expect([file.status, message(file.body)]).toEqual([404, expect.stringContaining('There is no file named')])
    const tooLong = await admin.request('GET', `/api/media/file/${'a'.repeat(3000)}.png`)
    expect(tooLong.status).toBe(404)
    const preference = await patient.request('DELETE', '/api/payload-preferences/never-stored')
    expect(preference.status).toBe(404)
    const polymorphic = await platformAdmin.request('GET', '/api/payload-locked-documents?where[document][equals]=abc')
    expect([polymorphic.status, message(polymorphic.body)]).toEqual([400, expect.stringContaining('document.value (the id)')])
    expect((await platformAdmin.request('GET', '/api/payload-locked-documents?where[document.value][equals]=1')).status).toBe(200)
  })

  it("answers Payload's routes for features that are off with 404, and a malformed address with 400", async () => {
    const verify = await raw('POST', '/api/users/verify/made-up-token', undefined, 'application/json')
    expect([verify.status, verify.text]).toEqual([404, expect.stringContaining('This link verifies nothing')])
    const versions = await admin.request('GET', '/api/records/versions')
    expect([versions.status, message(versions.body)]).toEqual([404, expect.stringContaining('keep no versions')])
    const escape = await raw('GET', '/api/appointments/%E0%A4%A', undefined, 'application/json', admin.token)
    expect([escape.status, escape.text]).toEqual([400, expect.stringContaining('The request could not be read')])
  })

  it('refuses that a signed-in account deletes itself, and keeps the account and its audit trail', async () => {
    const auditBefore = await server.payload.count({ collection: 'audit-log', overrideAccess: true })
    const res = await platformAdmin.request('DELETE', `/api/users/${world.platformAdmin.id}`)
    expect([res.status, message(res.body)]).toEqual([403, expect.stringContaining('You cannot delete the account you are signed in with')])
    const still = await server.payload.findByID({ collection: 'users', id: world.platformAdmin.id, overrideAccess: true, depth: 0 })
    expect(still.id).toBe(world.platformAdmin.id)
    expect((await platformAdmin.request('GET', '/api/users/me')).body.user?.id).toBe(world.platformAdmin.id)
    // Deleting someone else still works and is audited, naming who did it.
    const other = await server.payload.create({
      collection: 'users',
      data: {
        email: 'leaving@x.test',
        password: PASSWORD,
        name: 'Leaving',
        role: 'patient',
        tenants: [{ tenant: world.alpha.id }],
      },
      overrideAccess: true,
    })
    expect((await platformAdmin.request('DELETE', `/api/users/${other.id}`)).status).toBe(200)
    const entries = await server.payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'delete' }, resource: { equals: 'users' } },
      overrideAccess: true,
      depth: 0,
    })
    expect(entries.docs.map((e: any) => [e.documentIds, e.actor])).toContainEqual([[String(other.id)], world.platformAdmin.id])
    expect((await server.payload.count({ collection: 'audit-log', overrideAccess: true })).totalDocs).toBeGreaterThan(auditBefore.totalDocs)
  })

  it('keeps serving after all of that', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    expect((await patient.request('GET', '/api/appointments')).status).toBe(200)
  })
})
