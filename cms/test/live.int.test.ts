/** The live channel of a visit: chat, signalling and presence for its patient and doctor only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { signIn, type Client } from './support/http.ts'
import { connectLive } from './support/liveClient.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, visitAt, type World } from './support/world.ts'

let server: TestServer
let world: World
let patient: Client
let doctor: Client
let visit: number | string
const MINUTE = 60_000

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
  const start = Date.now() + 2 * 60 * MINUTE
  visit = (await visitAt(server.payload, world.alpha, start, { visitType: 'chat' })).id
})
afterAll(() => server?.close())

/** A live connection that keeps what it receives (see support/liveClient.ts). */
const connect = (who: Client | { token: string }) => connectLive(server.url, who.token!)

/** Connected and subscribed to the visit. */
async function inRoom(who: Client) {
  const live = await connect(who)
  live.send({ type: 'subscribe', appointment: visit })
  await live.next((m) => m.type === 'subscribed')
  return live
}

describe('the live channel', () => {
  it('refuses a connection without a signed-in person', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/live`)
    const error = await new Promise<Error>((resolve) => ws.once('error', resolve))
    expect(error.message).toMatch(/401/)
  })

  it('lets the patient and the doctor into the room, and no one else', async () => {
    const p = await connect(patient)
    p.send({ type: 'subscribe', appointment: visit })
    expect(await p.next((m) => m.type === 'subscribed')).toEqual({ type: 'subscribed', appointment: String(visit), role: 'patient' })
    const d = await inRoom(doctor)
    const both = await p.next((m) => m.type === 'presence' && m.participants.length === 2)
    expect(both.participants.map((x: any) => x.role).sort()).toEqual(['doctor', 'patient'])

    // Another patient of the clinic, and the clinic's other doctor, are refused and hear nothing.
    for (const email of [world.alpha.otherPatient.email, world.alpha.otherDoctorUser.email, world.beta.patient.email]) {
      const stranger = await connect(await signIn(server.url, email, PASSWORD))
      stranger.send({ type: 'subscribe', appointment: visit })
      expect(await stranger.next((m) => m.type === 'error')).toEqual({
        type: 'error',
        appointment: String(visit),
        reason: 'You are not a participant of this visit.',
      })
      stranger.send({ type: 'signal', appointment: visit, data: { sdp: 'x' } })
      await stranger.next((m) => m.reason === 'Subscribe to the visit first.')
      await patient.request('POST', `/api/appointments/${visit}/messages`, { body: `ping for ${email}` })
      await p.next((m) => m.type === 'message' && m.message.body === `ping for ${email}`)
      expect(stranger.received.some((m) => m.type === 'message' || m.type === 'presence')).toBe(false)
      stranger.ws.close()
    }
    p.ws.close()
    d.ws.close()
  })

  it('delivers chat messages live and keeps them for both sides to read later', async () => {
    const d = await inRoom(doctor)
    const sent = await patient.request('POST', `/api/appointments/${visit}/messages`, { body: 'My rash is spreading.' })
    expect(sent.status).toBe(201)
    const live = await d.next((m) => m.type === 'message' && m.message.body === 'My rash is spreading.')
    expect(live.message.sender).toBe(world.alpha.patient.id)
    const history = await doctor.request('GET', `/api/appointments/${visit}/messages`)
    expect(history.body.messages.map((m: any) => m.body)).toContain('My rash is spreading.')
    // Not readable by another patient, through the endpoint or the collection.
    const other = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    expect((await other.request('GET', `/api/appointments/${visit}/messages`)).status).toBe(404)
    expect((await other.request('GET', '/api/visit-messages')).body.docs).toEqual([])
    // Nobody writes messages around the endpoint, and bad input changes nothing.
    expect((await patient.request('POST', '/api/visit-messages', { appointment: visit, body: 'x' })).status).toBe(403)
    expect((await patient.request('POST', `/api/appointments/${visit}/messages`, { body: '  ' })).status).toBe(400)
    d.ws.close()
  })

  it('relays call signalling to the other side only', async () => {
    // Signalling needs the visit's join window open (see security-live.int.test.ts): a visit under way.
    const ongoing = (await visitAt(server.payload, world.alpha, Date.now() - 5 * MINUTE)).id
    const p = await connect(patient)
    const d = await connect(doctor)
    p.send({ type: 'subscribe', appointment: ongoing })
    d.send({ type: 'subscribe', appointment: ongoing })
    await Promise.all([p.next((m) => m.type === 'subscribed'), d.next((m) => m.type === 'subscribed')])
    p.send({ type: 'signal', appointment: ongoing, data: { description: { type: 'offer', sdp: 'v=0' } } })
    const got = await d.next((m) => m.type === 'signal')
    expect(got).toEqual({
      type: 'signal',
      appointment: String(ongoing),
      from: String(world.alpha.patient.id),
      data: { description: { type: 'offer', sdp: 'v=0' } },
    })
    // Messages are answered in order: once this one is, anything relayed back to the sender would have arrived.
    p.send({ type: 'ping-for-order' })
    await p.next((m) => m.type === 'error' && m.reason.includes('ping-for-order'))
    expect(p.received.some((m) => m.type === 'signal')).toBe(false)
    p.ws.close()
    d.ws.close()
  })

  it('replaces an older connection of the same person: no ghost in the room', async () => {
    const d = await inRoom(doctor)
    const first = await inRoom(patient)
    const second = await inRoom(patient)
    expect(await first.closed).toBe(4001)
    await new Promise((r) => setTimeout(r, 100))
    const latest = d.received.filter((m) => m.type === 'presence').at(-1)
    expect(latest.participants.map((x: any) => x.role).sort()).toEqual(['doctor', 'patient'])
    second.ws.close()
    d.ws.close()
  })

  it('records who was in the visit and for how long; a reconnect continues the same entry', async () => {
    const before = (
      await server.payload.find({
        collection: 'visit-attendance',
        where: { appointment: { equals: visit } },
        limit: 0,
        overrideAccess: true,
      })
    ).docs.length
    const first = await inRoom(patient)
    const second = await inRoom(patient)
    await first.closed
    await new Promise((r) => setTimeout(r, 1100))
    second.ws.close()
    await new Promise((r) => setTimeout(r, 300))
    const entries = (
      await server.payload.find({
        collection: 'visit-attendance',
        where: { appointment: { equals: visit } },
        sort: '-joinedAt',
        limit: 0,
        overrideAccess: true,
      })
    ).docs
    expect(entries.length - before).toBe(1)
    expect(entries[0]).toMatchObject({ role: 'patient', source: 'room', seconds: expect.any(Number) })
    expect(entries[0]!.seconds).toBeGreaterThanOrEqual(1)
    // Health data: the doctor reads it through the API, another patient sees nothing.
    expect((await doctor.request('GET', `/api/visit-attendance?where[appointment][equals]=${visit}`)).body.totalDocs).toBeGreaterThan(0)
    const other = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    expect((await other.request('GET', '/api/visit-attendance')).body.docs).toEqual([])
  })

  it('closes the room and the waiting room when the clinic gives the visit another patient; the old one is refused on return', async () => {
    const moved = (await visitAt(server.payload, world.alpha, Date.now() + 4 * 60 * MINUTE, { visitType: 'chat' })).id
    const inMoved = await connect(patient)
    inMoved.send({ type: 'subscribe', appointment: moved })
    await inMoved.next((m) => m.type === 'subscribed')
    const watching = await connect(patient)
    watching.send({ type: 'watch', appointment: moved })
    await watching.next((m) => m.type === 'watching')
    const closed = (live: { ws: WebSocket }) => new Promise<number>((resolve) => live.ws.once('close', (code) => resolve(code)))
    const codes = Promise.all([closed(inMoved), closed(watching)])

    const admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    const changed = await admin.request('PATCH', `/api/appointments/${moved}`, { patient: world.alpha.otherPatient.id })
    expect(changed.status).toBe(200)
    expect(await codes).toEqual([4003, 4003])

    // Back, the old patient hears nothing more of it; the new one is let in.
    const again = await connect(patient)
    again.send({ type: 'watch', appointment: moved })
    expect(await again.next((m) => m.type === 'error')).toMatchObject({ reason: 'You are not a participant of this visit.' })
    again.ws.close()
    const newPatient = await connect(await signIn(server.url, world.alpha.otherPatient.email, PASSWORD))
    newPatient.send({ type: 'subscribe', appointment: moved })
    expect(await newPatient.next((m) => m.type === 'subscribed')).toMatchObject({ role: 'patient' })
    newPatient.ws.close()
  })

  it('tells the waiting patient at once when the doctor cancels', async () => {
    const p = await inRoom(patient)
    expect((await doctor.request('POST', `/api/appointments/${visit}/cancel`, { reason: 'Doctor unwell' })).status).toBe(200)
    expect(await p.next((m) => m.type === 'visit')).toMatchObject({
      type: 'visit',
      appointment: String(visit),
      event: 'appointment.cancelled',
    })
    p.ws.close()
  })
})
