/**
 * Health data leaves the platform by more paths than a GET of one document:
 * relationship population, list queries and upload file URLs. Each is checked
 * here as the patient and the doctor would use it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World

beforeAll(async () => {
  ;({ server, world } = await startWorld())
})
afterAll(() => server?.close())

describe('relationship population', () => {
  it('gives a patient only their own visits, and nobody else inside them, at any depth', async () => {
    const patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
    const res = await patient.request('GET', '/api/appointments?depth=5&limit=100')
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: any) => d.id)).toEqual([world.alpha.appointment])
    const visit = res.body.docs[0]
    expect(visit.patient.id).toBe(world.alpha.patient.id)
    // The doctor's public profile is populated; the doctor's account (another user) is not.
    expect(visit.doctor.id).toBe(world.alpha.doctor)
    expect(typeof visit.doctor.user === 'object' && visit.doctor.user !== null).toBe(false)
    const text = JSON.stringify(res.body)
    for (const other of [world.alpha.otherPatient.email, world.beta.patient.email, world.alpha.doctorUser.email])
      expect(text).not.toContain(other)
    expect(visit).not.toHaveProperty('visitNotes')
  })

  it("gives a doctor their patients but not the clinic's other patients through populated records", async () => {
    const doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
    const res = await doctor.request('GET', '/api/records?depth=3&limit=100')
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: any) => d.patient.id)).toEqual([world.alpha.patient.id])
    expect(JSON.stringify(res.body)).not.toContain(world.alpha.otherPatient.email)
  })

  it('never lets a where-query reach around the policy', async () => {
    const patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
    const res = await patient.request('GET', `/api/records?where[patient][equals]=${world.alpha.otherPatient.id}`)
    expect([res.status, res.body.totalDocs]).toEqual([200, 0])
  })

  it('hides draft prescriptions from the patient until signed', async () => {
    const draft = await server.payload.create({
      collection: 'prescriptions',
      data: {
        tenant: world.alpha.id,
        patient: world.alpha.patient.id,
        doctor: world.alpha.doctor,
        medication: { name: 'Draftamol' },
        directions: 'n/a',
        quantity: 1,
        refills: 0,
        status: 'draft',
      },
      overrideAccess: true,
    })
    const patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
    expect((await patient.request('GET', `/api/prescriptions/${draft.id}`)).status).toBe(404)
    const doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
    expect((await doctor.request('PATCH', `/api/prescriptions/${draft.id}`, { status: 'signed' })).status).toBe(200)
    const signed = await patient.request('GET', `/api/prescriptions/${draft.id}`)
    expect([signed.status, signed.body.status, typeof signed.body.signedAt]).toEqual([200, 'signed', 'string'])
  })
})

describe('record files', () => {
  it("serves a record's file only to those who may read the record", async () => {
    const record = await server.payload.findByID({ collection: 'records', id: world.alpha.record, overrideAccess: true })
    const fileUrl = new URL(record.url!, server.url).pathname
    expect(fileUrl).toMatch(/^\/api\/records\/file\//)

    const owner = await signIn(server.url, world.alpha.patient.email, PASSWORD)
    const own = await owner.request('GET', fileUrl)
    expect([own.status, own.body]).toEqual([200, 'Lab result: all values within range\n'])
    const theirDoctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
    expect((await theirDoctor.request('GET', fileUrl)).status).toBe(200)

    for (const email of [
      world.alpha.otherPatient.email,
      world.alpha.otherDoctorUser.email,
      world.beta.admin.email,
      world.beta.doctorUser.email,
    ]) {
      const other = await signIn(server.url, email, PASSWORD)
      const res = await other.request('GET', fileUrl)
      expect([email, res.status >= 400 && res.status < 500]).toEqual([email, true])
      expect(String(res.body)).not.toContain('all values within range')
    }
    const anonymous = await client(server.url).request('GET', fileUrl)
    expect(anonymous.status).toBeGreaterThanOrEqual(400)
  })

  it('keeps uploaded files out of every public path', async () => {
    const record = await server.payload.findByID({ collection: 'records', id: world.alpha.record, overrideAccess: true })
    for (const path of [
      `/uploads/records/${record.filename}`,
      `/records/${record.filename}`,
      `/${record.filename}`,
      `/media/${record.filename}`,
    ]) {
      const res = await fetch(`${server.url}${path}`, { headers: { host: 'alpha.localhost' } })
      expect(await res.text()).not.toContain('all values within range')
    }
  })
})
