/**
 * The platform's side of the plugin surface: a plugin declared with
 * `definePlugin` offers a video provider and subscribes to domain events; the
 * core asks the registry for each clinic's provider (the clinic's choice, else
 * the platform's default) and delivers typed events after commit, with the
 * plugin's context.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { definePlugin, type DomainEvent, type PlatformContext, type VideoProvider } from '@telemed/plugin-sdk'
import { signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createAppointment, createPrescription, createRecord, PASSWORD, type World } from './support/world.ts'

const closed: string[] = []
const heard: { event: DomainEvent; clinicSlug: string }[] = []
const echo: VideoProvider = {
  name: 'echo',
  ensureSession: async (appointmentId) => ({ id: `echo-${appointmentId}`, appointmentId }),
  join: async (session, { role }) => ({ provider: 'echo', room: session.id, role }),
  closeSession: async (appointmentId) => void closed.push(appointmentId),
}
const listen = async (event: DomainEvent, ctx: PlatformContext) => {
  heard.push({ event, clinicSlug: (await ctx.clinic(event.tenant)).slug })
}

let server: TestServer
let world: World
const as: Record<string, Client> = {}
const waitFor = async <T>(find: () => T | undefined): Promise<T> => {
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    await new Promise((ok) => setImmediate(ok))
  }
}
const capabilities = async (clinic: number | string) =>
  (await fetch(`${server.url}/api/video/capabilities?clinic=${clinic}`).then((r) => r.json())) as { provider: string }

beforeAll(async () => {
  const plugin = definePlugin({
    name: 'visit-echo',
    providers: { video: { name: 'echo', label: 'Echo video', create: () => echo } },
    events: {
      'appointment.cancelled': listen,
      'record.shared': listen,
      'prescription.signed': listen,
      'user.registered': listen,
    },
  })
  ;({ server, world } = await startWorld({}, { plugins: [plugin] }))
  for (const [who, email] of Object.entries({
    alphaAdmin: world.alpha.admin.email,
    betaAdmin: world.beta.admin.email,
    alphaPatient: world.alpha.patient.email,
    alphaDoctor: world.alpha.doctorUser.email,
  }))
    as[who] = await signIn(server.url, email, PASSWORD)
})
afterAll(() => server?.close())

describe('provider slots', () => {
  it('give every clinic the last plugin’s provider by default, and a clinic the one its admin chose', async () => {
    expect((await capabilities(world.alpha.id)).provider).toBe('echo')
    expect((await capabilities(world.beta.id)).provider).toBe('echo')
    const chose = await as.betaAdmin!.request('PATCH', `/api/tenants/${world.beta.id}`, { providers: { video: 'p2p' } })
    expect(chose.status).toBe(200)
    expect((await capabilities(world.beta.id)).provider).toBe('p2p')
    expect((await capabilities(world.alpha.id)).provider).toBe('echo')
  })

  it('let only the clinic’s own admins see or change its choice', async () => {
    const other = await as.alphaAdmin!.request('PATCH', `/api/tenants/${world.beta.id}`, { providers: { video: 'echo' } })
    expect(other.status).toBeGreaterThanOrEqual(400)
    const unknown = await as.betaAdmin!.request('PATCH', `/api/tenants/${world.beta.id}`, { providers: { video: 'zoom' } })
    expect(unknown.status).toBe(400)
    expect((await capabilities(world.beta.id)).provider).toBe('p2p')
    const anonymous = await fetch(`${server.url}/api/tenants/${world.beta.id}`).then((r) => r.json())
    expect(anonymous).not.toHaveProperty('providers')
    const doctor = await as.alphaDoctor!.request('GET', `/api/tenants/${world.alpha.id}`)
    expect(doctor.body).not.toHaveProperty('providers')
    expect((await as.betaAdmin!.request('GET', `/api/tenants/${world.beta.id}`)).body.providers).toMatchObject({ video: 'p2p' })
  })

  it('end a cancelled visit’s call on the provider its clinic uses', async () => {
    const visit = await createAppointment(server.payload, world.alpha.id, world.alpha.patient.id, world.alpha.doctor)
    const cancel = await as.alphaPatient!.request('POST', `/api/appointments/${visit}/cancel`, { reason: 'Feeling better' })
    expect(cancel.status).toBe(200)
    await waitFor(() => closed.find((id) => id === String(visit)))
  })
})

describe('site steps with no plugin adding any', () => {
  it('answer an empty list without reading the visit again (no second entry in its audit trail)', async () => {
    const visit = await createAppointment(server.payload, world.alpha.id, world.alpha.patient.id, world.alpha.doctor)
    const entries = () => server.payload.count({ collection: 'audit-log', overrideAccess: true }).then((r) => r.totalDocs)
    const before = await entries()
    const answer = await as.alphaPatient!.request('GET', `/api/site-steps?slot=visit.panel&clinic=${world.alpha.id}&appointment=${visit}`)
    expect([answer.status, answer.body]).toEqual([200, []])
    expect(await entries()).toBe(before)
  })
})

describe('domain events', () => {
  const heardOf = (type: string, match: (e: DomainEvent) => boolean) =>
    waitFor(() => heard.find((h) => h.event.type === type && match(h.event)))

  it('reach a plugin after commit, typed, with the actor, and with a context that reads the clinic', async () => {
    const visit = await createAppointment(server.payload, world.alpha.id, world.alpha.patient.id, world.alpha.doctor)
    await as.alphaPatient!.request('POST', `/api/appointments/${visit}/cancel`, { reason: 'Travelling' })
    const cancelled = await heardOf('appointment.cancelled', (e) => 'appointment' in e && String(e.appointment) === String(visit))
    expect(cancelled.event).toMatchObject({ tenant: world.alpha.id, patient: world.alpha.patient.id, actor: world.alpha.patient.id })
    expect(cancelled.clinicSlug).toBe('alpha')
  })

  it('tell of a record added to a patient’s file and a prescription signed', async () => {
    const record = await createRecord(server.payload, world.alpha.id, world.alpha.patient.id)
    const shared = await heardOf('record.shared', (e) => 'record' in e && e.record === record)
    expect(shared.event).toMatchObject({ patient: world.alpha.patient.id, tenant: world.alpha.id })

    const draft = await createPrescription(server.payload, world.alpha.id, world.alpha.patient.id, world.alpha.doctor, 'draft')
    expect(heard.some((h) => h.event.type === 'prescription.signed' && h.event.prescription === draft)).toBe(false)
    const signed = await as.alphaDoctor!.request('PATCH', `/api/prescriptions/${draft}`, { status: 'signed' })
    expect(signed.status).toBe(200)
    const event = await heardOf('prescription.signed', (e) => 'prescription' in e && e.prescription === draft)
    expect(event.event).toMatchObject({ doctor: world.alpha.doctor, patient: world.alpha.patient.id, actor: world.alpha.doctorUser.id })
  })

  it('tell of a patient registering with another clinic', async () => {
    const joined = await as.alphaPatient!.request('POST', '/api/users/join-clinic', { clinic: 'beta', consent: true })
    expect(joined.status).toBe(200)
    const event = await heardOf('user.registered', (e) => 'user' in e && e.user === world.alpha.patient.id)
    expect(event.event.tenant).toBe(world.beta.id)
    expect(event.clinicSlug).toBe('beta')
  })
})
