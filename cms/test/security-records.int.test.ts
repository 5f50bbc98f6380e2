/**
 * Record files (issue 12, items 5, 14 and 15): who may change a record and its
 * file, what a replacement keeps, and that every download of a file is audited.
 * Everything goes through REST, the way a patient's browser or script would.
 */
import { existsSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import type { Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let patient: Client
let doctor: Client
let platformAdmin: Client
let unique = 0

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
  platformAdmin = await signIn(server.url, world.platformAdmin.email, PASSWORD)
})
afterAll(() => server?.close())

const staticDir = () => server.payload.collections.records!.config.upload.staticDir!
const stored = (id: number | string) => server.payload.findByID({ collection: 'records', id, overrideAccess: true, depth: 0 }) as any
const fileUrl = (doc: { url?: string | null }) => new URL(doc.url!, server.url).pathname

/** A multipart body: the record's fields and, when `content` is given, a text file. */
function form(fields: Record<string, unknown>, content?: string) {
  const body = new FormData()
  body.append('_payload', JSON.stringify(fields))
  if (content !== undefined) body.append('file', new Blob([content], { type: 'text/plain' }), `file-${++unique}.txt`)
  return body
}

const upload = async (who: Client, title: string, content: string) => {
  const res = await who.request(
    'POST',
    '/api/records',
    form({ tenant: world.alpha.id, patient: world.alpha.patient.id, title, kind: 'lab-result' }, content),
  )
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as { id: number | string; url: string; filename: string }
}

const download = (who: Client, path: string, headers: Record<string, string> = {}) => who.request('GET', path, undefined, headers)

const auditEntries = async (where: Where) =>
  (
    await server.payload.find({
      collection: 'audit-log',
      where,
      overrideAccess: true,
      depth: 0,
      limit: 100,
      sort: '-createdAt',
    })
  ).docs as any[]

describe('who may change a record', () => {
  it("refuses a patient replacing the file of a record their doctor uploaded, and the doctor's file stays", async () => {
    const record = await upload(doctor, 'Blood panel', 'Haemoglobin 14.1 g/dL (doctor)\n')
    const res = await patient.request('PATCH', `/api/records/${record.id}`, form({ title: 'Blood panel' }, 'All normal (forged)\n'))
    expect([res.status, typeof res.body.errors?.[0]?.message]).toEqual([403, 'string'])
    const after = await stored(record.id)
    expect([after.filename, after.uploadedBy]).toEqual([record.filename, world.alpha.doctorUser.id])
    expect((await download(doctor, fileUrl(after))).body).toBe('Haemoglobin 14.1 g/dL (doctor)\n')
    // Nor the fields: a staff upload is the clinic's document.
    const renamed = await patient.request('PATCH', `/api/records/${record.id}`, { title: 'Renamed' })
    expect(renamed.status).toBe(403)
    expect((await stored(record.id)).title).toBe('Blood panel')
  })

  it('treats a record written by trusted code (no uploader) as not the patient’s to edit', async () => {
    const before = await stored(world.alpha.record)
    expect(before.uploadedBy ?? null).toBeNull()
    const res = await patient.request('PATCH', `/api/records/${world.alpha.record}`, form({ title: 'Mine now' }, 'replaced\n'))
    expect(res.status).toBe(403)
    const after = await stored(world.alpha.record)
    expect([after.title, after.filename]).toEqual([before.title, before.filename])
  })

  it('lets a patient edit their own upload', async () => {
    const record = await upload(patient, 'Home reading', 'BP 120/80\n')
    const res = await patient.request('PATCH', `/api/records/${record.id}`, { title: 'Home reading, morning' })
    expect([res.status, res.body.doc?.title]).toEqual([200, 'Home reading, morning'])
  })
})

describe('replacing a file', () => {
  it('keeps the previous file on disk and on the record, and audits the replacement', async () => {
    const record = await upload(patient, 'Glucose diary', 'week 1: 5.4 mmol/L\n')
    const res = await patient.request(
      'PATCH',
      `/api/records/${record.id}?depth=0`,
      form({ title: 'Glucose diary' }, 'week 2: 5.9 mmol/L\n'),
      { 'User-Agent': 'patient-phone/2.0' },
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const doc = res.body.doc
    expect(doc.filename).not.toBe(record.filename)
    expect((await download(patient, fileUrl(doc))).body).toBe('week 2: 5.9 mmol/L\n')

    // The old file is still where it was (encrypted at rest), untouched, and the record says so.
    expect(existsSync(join(staticDir(), record.filename))).toBe(true)
    expect((await download(platformAdmin, `/api/records/file/${record.filename}`)).body).toBe('week 1: 5.4 mmol/L\n')
    expect(doc.previousFiles).toEqual([
      expect.objectContaining({
        filename: record.filename,
        mimeType: 'text/plain',
        uploadedBy: world.alpha.patient.id,
        replacedBy: world.alpha.patient.id,
        replacedAt: expect.any(String),
      }),
    ])
    // Those who may read the record see the history too.
    const seenByDoctor = await doctor.request('GET', `/api/records/${record.id}?depth=0`)
    expect(seenByDoctor.body.previousFiles.map((p: any) => p.filename)).toEqual([record.filename])

    const [entry] = await auditEntries({
      and: [{ resource: { equals: 'records' } }, { action: { equals: 'replace-file' } }, { documentIds: { equals: String(record.id) } }],
    })
    expect(entry).toMatchObject({
      actor: world.alpha.patient.id,
      role: 'patient',
      tenant: world.alpha.id,
      userAgent: 'patient-phone/2.0',
      ip: expect.stringMatching(/127\.0\.0\.1/),
    })
    expect(entry.note).toContain(record.filename)
  })

  it('hands the record to the staff member who replaced its file: the patient can no longer change it', async () => {
    const record = await upload(patient, 'Rash photo notes', 'day 1\n')
    const replaced = await doctor.request('PATCH', `/api/records/${record.id}?depth=0`, form({}, 'clinical annotation by the doctor\n'))
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200)
    expect(replaced.body.doc.uploadedBy).toBe(world.alpha.doctorUser.id)
    const again = await patient.request('PATCH', `/api/records/${record.id}`, form({}, 'patient overwrite\n'))
    expect(again.status).toBe(403)
    expect((await download(doctor, fileUrl(await stored(record.id)))).body).toBe('clinical annotation by the doctor\n')
  })

  it('refuses replacing files of many records at once', async () => {
    const record = await upload(patient, 'Batch', 'one\n')
    const res = await patient.request('PATCH', `/api/records?where[id][equals]=${record.id}`, form({}, 'two\n'))
    expect([res.status, res.body.errors?.[0]?.message]).toEqual([400, expect.stringMatching(/one record at a time/)])
    expect((await stored(record.id)).filename).toBe(record.filename)
  })
})

describe('downloading a file', () => {
  it('leaves an audit entry with the actor, address, browser, record and clinic', async () => {
    const record = await stored(world.alpha.record)
    const res = await download(doctor, fileUrl(record), { 'User-Agent': 'clinic-laptop/3.1', 'X-Telemed-Client-Ip': '6.6.6.6' })
    expect(res.status).toBe(200)
    const [entry] = await auditEntries({
      and: [{ action: { equals: 'download' } }, { actor: { equals: world.alpha.doctorUser.id } }],
    })
    expect(entry).toMatchObject({
      role: 'doctor',
      resource: 'records',
      documentIds: [String(world.alpha.record)],
      tenant: world.alpha.id,
      userAgent: 'clinic-laptop/3.1',
    })
    // The address Express saw, not the one the client claimed.
    expect(entry.ip).toMatch(/127\.0\.0\.1/)
  })

  it('audits a platform admin’s download too (their access needs no look-up of the record)', async () => {
    const record = await stored(world.beta.record)
    expect((await download(platformAdmin, fileUrl(record))).status).toBe(200)
    const [entry] = await auditEntries({
      and: [{ action: { equals: 'download' } }, { actor: { equals: world.platformAdmin.id } }],
    })
    expect(entry).toMatchObject({ documentIds: [String(world.beta.record)], tenant: world.beta.id })
  })

  it('answers 404 with a sentence for a file that does not exist, or has gone from the disk', async () => {
    const missing = await download(platformAdmin, '/api/records/file/no-such-file.txt')
    expect([missing.status, missing.body.errors?.[0]?.message]).toEqual([404, expect.stringMatching(/no record file/i)])

    const record = await upload(doctor, 'Lost scan', 'soon gone\n')
    unlinkSync(join(staticDir(), record.filename))
    expect(existsSync(join(staticDir(), record.filename))).toBe(false)
    const gone = await download(doctor, fileUrl(record))
    expect([gone.status, gone.body.errors?.[0]?.message]).toEqual([404, expect.stringMatching(/missing from storage/)])
  })
})
