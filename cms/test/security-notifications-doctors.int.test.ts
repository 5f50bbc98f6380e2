/**
 * Issue 12, items 4, 7 and 14: notifications reach members of their clinic only;
 * anonymous visitors and patients read a doctor's public profile, nothing more;
 * writes to clinics, doctors, images and notifications are audited.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createUser, openAllWeek, PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let payload: Payload
let alphaAdmin: Client
let platformAdmin: Client

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  payload = server.payload
  alphaAdmin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
  platformAdmin = await signIn(server.url, world.platformAdmin.email, PASSWORD)
})
afterAll(() => server?.close())

const sys = { overrideAccess: true, depth: 0 } as const
const count = (collection: 'notifications') => payload.count({ collection, overrideAccess: true }).then((r) => r.totalDocs)
const note = (tenant: unknown, recipient: unknown) => ({ tenant, recipient, channel: 'in-app', event: 'reminder', subject: 'Your visit' })

describe('notifications are addressed to members of their clinic', () => {
  it('refuses a clinic admin addressing a person of another clinic, and that person sees nothing', async () => {
    const before = await count('notifications')
    const res = await alphaAdmin.request('POST', '/api/notifications', {
      ...note(world.alpha.id, world.beta.patient.id),
      subject: 'Cross-clinic message',
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/not a member of the clinic/)
    expect(await count('notifications')).toBe(before)
    const betaPatient = await signIn(server.url, world.beta.patient.email, PASSWORD)
    const inbox = await betaPatient.request('GET', '/api/notifications?limit=100')
    expect(JSON.stringify(inbox.body)).not.toContain('Cross-clinic message')
  })

  it('refuses moving the recipient, or the clinic, so that they no longer match', async () => {
    const created = await alphaAdmin.request('POST', '/api/notifications', note(world.alpha.id, world.alpha.patient.id))
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const moved = await alphaAdmin.request('PATCH', `/api/notifications/${id}`, { recipient: world.beta.patient.id })
    expect([moved.status, JSON.stringify(moved.body)]).toEqual([400, expect.stringMatching(/not a member of the clinic/)])
    const otherClinic = await platformAdmin.request('PATCH', `/api/notifications/${id}`, { tenant: world.beta.id })
    expect(otherClinic.status).toBe(400)
    const stored = await payload.findByID({ collection: 'notifications', id, ...sys })
    expect([stored.recipient, stored.tenant]).toEqual([world.alpha.patient.id, world.alpha.id])
  })

  it('holds for platform admins too: the recipient belongs to the clinic the notification is in', async () => {
    const before = await count('notifications')
    const res = await platformAdmin.request('POST', '/api/notifications', note(world.alpha.id, world.beta.patient.id))
    expect(res.status).toBe(400)
    expect(await count('notifications')).toBe(before)
    const fine = await platformAdmin.request('POST', '/api/notifications', note(world.beta.id, world.beta.patient.id))
    expect(fine.status).toBe(201)
    // A platform admin works in every clinic, so may be written to from any.
    const toPlatform = await alphaAdmin.request('POST', '/api/notifications', note(world.alpha.id, world.platformAdmin.id))
    expect(toPlatform.status).toBe(201)
  })

  it('lets either clinic write to a person who belongs to both', async () => {
    const shared = await createUser(payload, 'both-clinics@x.test', 'patient', [world.alpha.id, world.beta.id])
    const res = await alphaAdmin.request('POST', '/api/notifications', { ...note(world.alpha.id, shared.id), subject: 'From alpha' })
    expect(res.status).toBe(201)
    const person = await signIn(server.url, shared.email, PASSWORD)
    expect((await person.request('GET', '/api/notifications')).body.docs.map((d: any) => d.subject)).toEqual(['From alpha'])
  })
})

describe('public doctor data', () => {
  const SECRET_NOTE = 'Surgery: knee, do not tell patients'
  const LICENCE = 'NPI-1234567890'
  /** What the clinic site shows a visitor (storefront/src/lib/server/doctors.ts), plus the directory's own keys. */
  const PUBLIC = new Set([
    'id',
    'tenant',
    'active',
    'displayName',
    'title',
    'specialties',
    'languages',
    'education',
    'bio',
    'photo',
    'consultationFee',
    'chatFee',
    'visitMinutes',
    'timeZone',
    'createdAt',
    'updatedAt',
  ])

  beforeAll(async () => {
    const tomorrow = new Date(Date.now() + 86_400_000)
    await openAllWeek(payload, world.alpha.doctor, {
      licenceNumber: LICENCE,
      timeOff: [{ from: tomorrow.toISOString(), to: new Date(tomorrow.getTime() + 3_600_000).toISOString(), note: SECRET_NOTE }],
    })
  })

  /** Payload answers an array field nobody may read as [] (it fills in missing arrays): empty, it tells nothing. */
  const onlyPublic = (doc: Record<string, unknown>) =>
    expect(Object.keys(doc).filter((k) => !PUBLIC.has(k) && !(Array.isArray(doc[k]) && (doc[k] as unknown[]).length === 0))).toEqual([])

  it('shows anonymous visitors the directory fields only, in the list and one by one', async () => {
    const anonymous = client(server.url)
    const list = await anonymous.request('GET', '/api/doctors?depth=1&limit=100')
    expect(list.status).toBe(200)
    expect(list.body.docs.length).toBeGreaterThanOrEqual(4)
    for (const doc of list.body.docs) onlyPublic(doc)
    const one = await anonymous.request('GET', `/api/doctors/${world.alpha.doctor}?depth=1`)
    expect([one.status, one.body.displayName]).toEqual([200, 'Dr. One alpha'])
    onlyPublic(one.body)
    expect(JSON.stringify([list.body, one.body])).not.toMatch(new RegExp(`${LICENCE}|Surgery`))
  })

  it('shows patients the same, also inside their own visit', async () => {
    const patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
    onlyPublic((await patient.request('GET', `/api/doctors/${world.alpha.doctor}`)).body)
    const visit = await patient.request('GET', `/api/appointments/${world.alpha.appointment}?depth=1`)
    expect(visit.body.doctor.displayName).toBe('Dr. One alpha')
    onlyPublic(visit.body.doctor)
  })

  it('lets nobody outside the clinic probe hidden fields with a query', async () => {
    for (const query of [
      `where[licenceNumber][equals]=${LICENCE}`,
      'where[timeOff.note][like]=Surgery',
      `where[user][equals]=${world.alpha.doctorUser.id}`,
    ]) {
      const res = await client(server.url).request('GET', `/api/doctors?${query}`)
      expect([query, res.status === 400 || res.body.totalDocs === 0]).toEqual([query, true])
    }
  })

  it('shows the doctor, their clinic admins and platform admins everything', async () => {
    for (const email of [world.alpha.doctorUser.email, world.alpha.admin.email, world.platformAdmin.email]) {
      const who = await signIn(server.url, email, PASSWORD)
      const res = await who.request('GET', `/api/doctors/${world.alpha.doctor}?depth=0`)
      expect([email, res.body.licenceNumber, res.body.timeOff?.[0]?.note, res.body.user]).toEqual([
        email,
        LICENCE,
        SECRET_NOTE,
        world.alpha.doctorUser.id,
      ])
    }
    // The doctor finds their own profile by their account, as the clinic site does.
    const self = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
    const mine = await self.request(
      'GET',
      `/api/doctors?where[user][equals]=${world.alpha.doctorUser.id}&where[tenant][equals]=${world.alpha.id}`,
    )
    expect(mine.body.docs.map((d: any) => d.id)).toEqual([world.alpha.doctor])
  })

  it("shows a colleague and another clinic's staff the public profile only", async () => {
    for (const email of [world.alpha.otherDoctorUser.email, world.beta.admin.email, world.beta.doctorUser.email]) {
      const who = await signIn(server.url, email, PASSWORD)
      const res = await who.request('GET', `/api/doctors/${world.alpha.doctor}?depth=0`)
      expect([email, res.status]).toEqual([email, 200])
      onlyPublic(res.body)
    }
  })

  it('still keeps time off out of the free times anonymous visitors see', async () => {
    const from = new Date(Date.now() + 86_400_000)
    const to = new Date(from.getTime() + 3_600_000)
    const q = `from=${from.toISOString()}&to=${to.toISOString()}`
    const doctorSlots = await client(server.url).request('GET', `/api/doctors/${world.alpha.doctor}/slots?${q}`)
    expect([doctorSlots.status, doctorSlots.body.slots]).toEqual([200, []])
    const clinicSlots = await client(server.url).request('GET', `/api/slots?clinic=alpha&${q}`)
    expect(clinicSlots.body.slots.filter((s: any) => s.doctor === world.alpha.doctor)).toEqual([])
    // …while the hours around it are offered.
    const later = `from=${to.toISOString()}&to=${new Date(to.getTime() + 3_600_000).toISOString()}`
    expect(
      (await client(server.url).request('GET', `/api/doctors/${world.alpha.doctor}/slots?${later}`)).body.slots.length,
    ).toBeGreaterThan(0)
  })
})

describe('writes to clinics, doctors, images and notifications are audited', () => {
  const entries = async (resource: string, action: string, id: unknown) =>
    (
      await payload.find({
        collection: 'audit-log',
        where: { and: [{ resource: { equals: resource } }, { action: { equals: action } }, { documentIds: { equals: String(id) } }] },
        ...sys,
      })
    ).docs as any[]

  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

  it('records each create, update and delete with the actor and clinic, and a platform admin can still delete', async () => {
    const clinic = await platformAdmin.request('POST', '/api/tenants', { name: 'Gamma', slug: 'gamma', theme: 'default' })
    expect(clinic.status).toBe(201)
    const gamma = clinic.body.doc.id
    expect((await alphaAdmin.request('PATCH', `/api/tenants/${world.alpha.id}`, { contact: { phone: '+1 555 0100' } })).status).toBe(200)

    const doctorUser = await createUser(payload, 'audited-doctor@alpha.test', 'doctor', [world.alpha.id])
    const doctor = await alphaAdmin.request('POST', '/api/doctors', {
      user: doctorUser.id,
      tenant: world.alpha.id,
      displayName: 'Dr. Audited',
      timeZone: 'UTC',
      visitMinutes: 30,
    })
    expect(doctor.status).toBe(201)
    expect((await alphaAdmin.request('PATCH', `/api/doctors/${doctor.body.doc.id}`, { title: 'GP' })).status).toBe(200)

    const image = new FormData()
    image.append('_payload', JSON.stringify({ alt: 'Portrait', tenant: world.alpha.id }))
    image.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'portrait.png')
    const media = await alphaAdmin.request('POST', '/api/media', image)
    expect(media.status).toBe(201)

    const notification = await alphaAdmin.request('POST', '/api/notifications', note(world.alpha.id, world.alpha.patient.id))
    expect(notification.status).toBe(201)

    // Deletes by a platform admin: the entry names the deleted clinic in documentIds (its clinic field cannot point at it).
    for (const [path, id] of [
      ['doctors', doctor.body.doc.id],
      ['media', media.body.doc.id],
      ['notifications', notification.body.doc.id],
      ['tenants', gamma],
    ] as const) {
      const res = await platformAdmin.request('DELETE', `/api/${path}/${id}`)
      expect([path, res.status, JSON.stringify(res.body)]).toEqual([path, 200, expect.any(String)])
    }

    const alphaId = world.alpha.id
    const expectations: [string, string, unknown, unknown, unknown][] = [
      // Gamma's own entries pointed at gamma until it was deleted (the clinic field is a foreign key): not checked here.
      ['tenants', 'create', gamma, world.platformAdmin.id, 'any'],
      ['tenants', 'update', alphaId, world.alpha.admin.id, alphaId],
      ['tenants', 'delete', gamma, world.platformAdmin.id, null],
      ['doctors', 'create', doctor.body.doc.id, world.alpha.admin.id, alphaId],
      ['doctors', 'update', doctor.body.doc.id, world.alpha.admin.id, alphaId],
      ['doctors', 'delete', doctor.body.doc.id, world.platformAdmin.id, alphaId],
      ['media', 'create', media.body.doc.id, world.alpha.admin.id, alphaId],
      ['media', 'delete', media.body.doc.id, world.platformAdmin.id, alphaId],
      ['notifications', 'create', notification.body.doc.id, world.alpha.admin.id, alphaId],
      ['notifications', 'delete', notification.body.doc.id, world.platformAdmin.id, alphaId],
    ]
    for (const [resource, action, id, actor, tenant] of expectations) {
      const [entry] = await entries(resource, action, id)
      expect([resource, action, entry?.actor, tenant === 'any' ? 'any' : (entry?.tenant ?? null)]).toEqual([
        resource,
        action,
        actor,
        tenant,
      ])
    }
  })

  it('lets a platform admin delete an account that has audit entries of its own', async () => {
    const leaving = await createUser(payload, 'leaving-admin@alpha.test', 'clinic-admin', [world.alpha.id])
    const asLeaving = await signIn(server.url, leaving.email, PASSWORD)
    const written = await asLeaving.request('POST', '/api/notifications', note(world.alpha.id, world.alpha.patient.id))
    expect(written.status).toBe(201)
    expect((await entries('notifications', 'create', written.body.doc.id))[0]?.actor).toBe(leaving.id)
    const res = await platformAdmin.request('DELETE', `/api/users/${leaving.id}`)
    expect([res.status, JSON.stringify(res.body)]).toEqual([200, expect.any(String)])
    const [deletion] = await entries('users', 'delete', leaving.id)
    expect(deletion?.actor).toBe(world.platformAdmin.id)
    // The account's own entries stay, naming what was done; the link to the deleted account is gone with it.
    expect(await entries('notifications', 'create', written.body.doc.id)).toHaveLength(1)
  })

  it('does not log reads of public data', async () => {
    const before = await payload.count({
      collection: 'audit-log',
      where: { resource: { in: ['tenants', 'doctors', 'media'] } },
      overrideAccess: true,
    })
    await client(server.url).request('GET', '/api/doctors?depth=1')
    await client(server.url).request('GET', '/api/tenants')
    const after = await payload.count({
      collection: 'audit-log',
      where: { resource: { in: ['tenants', 'doctors', 'media'] } },
      overrideAccess: true,
    })
    expect(after.totalDocs).toBe(before.totalDocs)
  })
})
