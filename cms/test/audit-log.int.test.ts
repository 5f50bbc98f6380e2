/** Every read and write of health data leaves an entry that nobody can change or remove. */
import type { Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let doctor: Client
let platformAdmin: Client

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
  platformAdmin = await signIn(server.url, world.platformAdmin.email, PASSWORD)
})
afterAll(() => server?.close())

const entriesFor = async (where: Where) =>
  (
    await server.payload.find({
      collection: 'audit-log',
      where,
      overrideAccess: true,
      depth: 0,
      limit: 100,
      sort: '-createdAt',
    })
  ).docs

describe('audit log', () => {
  it('records who read a record, from where, with which browser', async () => {
    const res = await doctor.request('GET', `/api/records/${world.alpha.record}`, undefined, {
      'User-Agent': 'clinic-laptop/1.0',
      'X-Telemed-Client-Ip': '6.6.6.6',
    })
    expect(res.status).toBe(200)
    const [entry] = await entriesFor({
      and: [{ resource: { equals: 'records' } }, { action: { equals: 'read' } }, { actor: { equals: world.alpha.doctorUser.id } }],
    })
    expect(entry).toMatchObject({
      role: 'doctor',
      documentIds: [String(world.alpha.record)],
      tenant: world.alpha.id,
      userAgent: 'clinic-laptop/1.0',
    })
    // The address is the one Express saw, not a header the client made up.
    expect(entry!.ip).toMatch(/127\.0\.0\.1/)
  })

  it('records reads that happen through relationship population', async () => {
    const res = await doctor.request('GET', `/api/appointments/${world.alpha.appointment}?depth=1`)
    expect(res.body.patient.email).toBe(world.alpha.patient.email)
    const userReads = await entriesFor({ and: [{ resource: { equals: 'users' } }, { actor: { equals: world.alpha.doctorUser.id } }] })
    expect(userReads.some((e) => e.documentIds?.includes(String(world.alpha.patient.id)))).toBe(true)
  })

  it('records creates, updates and deletes with the acting user', async () => {
    const updated = await doctor.request('PATCH', `/api/appointments/${world.alpha.appointment}`, { reason: 'Rash on left arm' })
    expect(updated.status).toBe(200)
    const [update] = await entriesFor({
      and: [{ resource: { equals: 'appointments' } }, { action: { equals: 'update' } }, { actor: { equals: world.alpha.doctorUser.id } }],
    })
    expect(update!.documentIds).toEqual([String(world.alpha.appointment)])

    const removed = await platformAdmin.request('DELETE', `/api/records/${world.beta.otherRecord}`)
    expect(removed.status).toBe(200)
    const [deletion] = await entriesFor({ and: [{ resource: { equals: 'records' } }, { action: { equals: 'delete' } }] })
    expect(deletion).toMatchObject({ role: 'platform-admin', documentIds: [String(world.beta.otherRecord)], tenant: world.beta.id })
  })

  it('cannot be edited or deleted, not even by a platform admin or trusted code', async () => {
    const [entry] = await entriesFor({})
    expect((await platformAdmin.request('PATCH', `/api/audit-log/${entry!.id}`, { role: 'nobody' })).status).toBe(403)
    expect((await platformAdmin.request('DELETE', `/api/audit-log/${entry!.id}`)).status).toBe(403)
    await expect(
      server.payload.update({ collection: 'audit-log', id: entry!.id, data: { role: 'nobody' }, overrideAccess: true }),
    ).rejects.toThrow(/cannot be changed/)
    await expect(server.payload.delete({ collection: 'audit-log', id: entry!.id, overrideAccess: true })).rejects.toThrow(
      /cannot be changed/,
    )
    const again = await server.payload.findByID({ collection: 'audit-log', id: entry!.id, overrideAccess: true })
    expect(again.role).toBe(entry!.role)
  })

  it("shows a clinic admin their clinic's entries only", async () => {
    const admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    const res = await admin.request('GET', '/api/audit-log?limit=500&depth=0')
    expect(res.status).toBe(200)
    expect(res.body.docs.length).toBeGreaterThan(0)
    expect(new Set(res.body.docs.map((d: any) => d.tenant))).toEqual(new Set([world.alpha.id]))
  })
})
