/**
 * Video visits on OpenVidu: the platform configured with OPENVIDU_URL talks to a
 * test double of the OpenVidu 2.32 REST API through the real openvidu-node-client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOpenViduDouble } from '@telemed/plugin-video-openvidu/testing'
import { client, signIn, type Client } from './support/http.ts'
import { WebSocket } from 'ws'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, visitAt, type World } from './support/world.ts'

let double: Awaited<ReturnType<typeof startOpenViduDouble>>
let server: TestServer
let world: World
let patient: Client
let doctor: Client
const MINUTE = 60_000

beforeAll(async () => {
  double = await startOpenViduDouble('openvidu-test-secret')
  ;({ server, world } = await startWorld({ OPENVIDU_URL: double.url, OPENVIDU_SECRET: 'openvidu-test-secret' }))
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  doctor = await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)
})
afterAll(async () => {
  await server?.close()
  await double?.close()
})

describe('video visits on OpenVidu', () => {
  it('creates one session per visit and gives each participant their own token and role', async () => {
    const start = Date.now() - 5 * MINUTE
    const visit = await visitAt(server.payload, world.alpha, start)
    const first = await patient.request('POST', `/api/appointments/${visit.id}/join`)
    const again = await patient.request('POST', `/api/appointments/${visit.id}/join`)
    const host = await doctor.request('POST', `/api/appointments/${visit.id}/join`)
    expect([first.status, again.status, host.status]).toEqual([200, 200, 200])
    expect(first.body).toEqual({
      provider: 'openvidu',
      token: expect.stringMatching(new RegExp(`sessionId=appointment-${visit.id}&token=tok_`)),
      role: 'publisher',
      expiresAt: new Date(start + 90 * MINUTE).toISOString(),
    })
    expect(host.body.role).toBe('moderator')
    const session = double.sessions.get(`appointment-${visit.id}`)!
    expect(session.connections.map((c) => c.role)).toEqual(['PUBLISHER', 'PUBLISHER', 'MODERATOR'])
    expect([...double.sessions.keys()].filter((id) => id === `appointment-${visit.id}`)).toHaveLength(1)
    // What OpenVidu (and the other participants) learn: a display name and an id, nothing clinical.
    expect(JSON.parse(session.connections[2]!.serverData as string)).toEqual({
      userId: String(world.alpha.doctorUser.id),
      displayName: expect.any(String),
      role: 'moderator',
    })

    // OpenVidu reports who joined and left (webhook): attendance is recorded; a forged call is refused.
    const webhook = (body: unknown, secret = 'openvidu-test-secret') =>
      fetch(`${server.url}/api/video/webhook`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`OPENVIDUAPP:${secret}`).toString('base64')}` },
        body: JSON.stringify(body),
      })
    const patientData = session.connections[0]!.serverData
    const joinedAt = Date.now() - 120_000
    const session1 = `appointment-${visit.id}`
    expect((await webhook({ event: 'participantJoined', sessionId: session1, timestamp: joinedAt, serverData: patientData })).status).toBe(
      200,
    )
    const left = {
      event: 'participantLeft',
      sessionId: session1,
      timestamp: joinedAt + 95_000,
      serverData: patientData,
      reason: 'disconnect',
    }
    expect((await webhook(left)).status).toBe(200)
    expect((await webhook({ event: 'participantJoined', sessionId: session1, serverData: patientData }, 'forged')).status).toBe(401)
    const attendance = await server.payload.find({
      collection: 'visit-attendance',
      where: { appointment: { equals: visit.id } },
      overrideAccess: true,
    })
    expect(attendance.docs.map((a) => [a.source, a.role, a.seconds])).toEqual([['openvidu', 'patient', 95]])

    // Completing the visit ends the call for everyone.
    expect((await doctor.request('POST', `/api/appointments/${visit.id}/complete`)).status).toBe(200)
    for (let i = 0; i < 50 && double.sessions.has(`appointment-${visit.id}`); i++) await new Promise((r) => setTimeout(r, 20))
    expect(double.sessions.has(`appointment-${visit.id}`)).toBe(false)
    const after = await patient.request('POST', `/api/appointments/${visit.id}/join`)
    expect([after.status, after.body.errors[0].message]).toEqual([403, 'This visit is completed, not confirmed: there is no call to join.'])
  })
})

/** What openvidu-browser does with a token: open the JSON-RPC socket and joinRoom (makes the connection active). */
async function enterCall(token: string) {
  const url = new URL(token)
  const ws = new WebSocket(`ws://${url.host}/openvidu?sessionId=${url.searchParams.get('sessionId')}`)
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail))
  const notifications: { method: string; params: any }[] = []
  const answer = new Promise<any>((ok) =>
    ws.on('message', (raw) => {
      const message = JSON.parse(String(raw))
      if (message.id === 1) ok(message)
      else if (message.method) notifications.push(message)
    }),
  )
  ws.send(
    JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'joinRoom',
      params: { token, session: url.searchParams.get('sessionId'), metadata: '' },
    }),
  )
  return { ws, joined: await answer, notifications }
}
const reason = (res: { body: any }) => res.body.errors?.[0]?.message
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20))
}

describe('guests the patient invites', () => {
  it('a one-time link lets one device in, again after a reload; nobody else, and not once withdrawn', async () => {
    const visit = await visitAt(server.payload, world.alpha, Date.now() - 80 * MINUTE)
    const invite = (who: Client, body: unknown = { name: 'Sam Walker' }) =>
      who.request('POST', `/api/appointments/${visit.id}/guests`, body)
    const refusedToDoctor = await invite(doctor)
    expect([refusedToDoctor.status, reason(refusedToDoctor)]).toEqual([403, 'Only the patient invites guests to their visit.'])
    const noName = await invite(patient, { name: '  ' })
    expect([noName.status, noName.body.errors[0].path]).toEqual([400, 'name'])

    const created = await invite(patient)
    expect(created.status).toBe(201)
    const token = /\/visit-invite\/([\w-]+)$/.exec(created.body.url)![1]!
    expect(created.body.url).toMatch(/^http:\/\/alpha\.localhost(:\d+)?\/visit-invite\//)
    // The link is stored only as a hash: it is not in what the patient (or anyone) reads back.
    const listed = await patient.request('GET', `/api/visit-guests?where[appointment][equals]=${visit.id}`)
    expect(listed.body.docs.map((g: any) => [g.name, g.tokenHash, g.keyHash])).toEqual([['Sam Walker', undefined, undefined]])
    const otherPatient = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    expect((await otherPatient.request('GET', `/api/visit-guests?where[appointment][equals]=${visit.id}`)).body.docs).toEqual([])
    // Invitations are made only through the visit's endpoint, never written directly.
    expect((await patient.request('POST', '/api/visit-guests', { appointment: visit.id, name: 'X', tokenHash: 'x' })).status).toBe(403)
    expect((await patient.request('PATCH', `/api/visit-guests/${created.body.id}`, { name: 'Y' })).status).toBe(403)

    const anonymous = client(server.url)
    const guestJoin = (body: unknown) => anonymous.request('POST', '/api/video/guest', body)
    const first = await guestJoin({ token })
    expect(first.status).toBe(200)
    expect(first.body.grant).toMatchObject({
      provider: 'openvidu',
      role: 'publisher',
      token: expect.stringContaining(`sessionId=appointment-${visit.id}`),
    })
    expect(first.body.visit).toEqual({
      clinic: world.alpha.id,
      start: new Date(visit.start).toISOString(),
      end: new Date(visit.end).toISOString(),
      doctor: expect.any(String),
      guest: 'Sam Walker',
    })
    expect(Object.keys(first.body.visit)).not.toContain('reason')
    const connection = double.sessions.get(`appointment-${visit.id}`)!.connections.at(-1)!
    expect([connection.role, JSON.parse(connection.serverData as string)]).toEqual([
      'PUBLISHER',
      { userId: `guest-${created.body.id}`, displayName: 'Sam Walker', role: 'publisher' },
    ])

    // Another device with the same link is refused; the first device comes back with its key.
    const elsewhere = await guestJoin({ token })
    expect([elsewhere.status, reason(elsewhere)]).toEqual([410, expect.stringMatching(/already opened on another device/)])
    expect((await guestJoin({ token, key: 'guessed' })).status).toBe(410)
    expect((await guestJoin({ token, key: first.body.key })).status).toBe(200)
    expect((await guestJoin({ token: 'made-up' })).status).toBe(404)

    // Guests' attendance is recorded as guests.
    const webhook = (body: unknown) =>
      fetch(`${server.url}/api/video/webhook`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Basic ${Buffer.from('OPENVIDUAPP:openvidu-test-secret').toString('base64')}`,
        },
        body: JSON.stringify(body),
      })
    const sessionId = `appointment-${visit.id}`
    await webhook({ event: 'participantJoined', sessionId, timestamp: Date.now() - 60_000, serverData: connection.serverData })
    await webhook({ event: 'participantLeft', sessionId, timestamp: Date.now(), serverData: connection.serverData })
    const attendance = await server.payload.find({
      collection: 'visit-attendance',
      where: { appointment: { equals: visit.id } },
      overrideAccess: true,
      depth: 0,
    })
    expect(attendance.docs.map((a) => [a.role, a.guest, a.user ?? null, a.seconds])).toEqual([['guest', created.body.id, null, 60]])

    // Withdrawn: the link stops working, even on the device that opened it.
    const withdrawn = await patient.request('DELETE', `/api/appointments/${visit.id}/guests/${created.body.id}`)
    expect(withdrawn.status).toBe(200)
    expect((await guestJoin({ token, key: first.body.key })).status).toBe(404)

    // Two guests at most.
    expect((await invite(patient, { name: 'A' })).status).toBe(201)
    expect((await invite(patient, { name: 'B' })).status).toBe(201)
    const third = await invite(patient, { name: 'C' })
    expect([third.status, reason(third)]).toEqual([409, expect.stringMatching(/up to 2 guests/)])
  })

  it('of two browsers opening a fresh link at the same moment, exactly one gets in', async () => {
    const visit = await visitAt(server.payload, world.alpha, Date.now() + 60 * MINUTE)
    const created = await patient.request('POST', `/api/appointments/${visit.id}/guests`, { name: 'Sam Walker' })
    const token = created.body.url.split('/').at(-1)
    const results = await Promise.all(Array.from({ length: 10 }, () => client(server.url).request('POST', '/api/video/guest', { token })))
    // The call is not open yet (403, but the first browser still gets its key); everyone else: 410.
    expect(results.filter((r) => r.body.key).length).toBe(1)
    expect(results.filter((r) => r.status === 410).length).toBe(9)
    const winner = results.find((r) => r.body.key)!
    expect([winner.status, reason(winner)]).toEqual([403, expect.stringMatching(/^Too early/)])
    await server.payload.update({ collection: 'appointments', id: visit.id, data: { status: 'cancelled' }, overrideAccess: true })
  })
})

describe('recording a visit', () => {
  it('only when the clinic allows it and the patient consented; withdrawing consent stops it', async () => {
    const visit = await visitAt(server.payload, world.alpha, Date.now() - 40 * MINUTE)
    const record = (who: Client, action: string) => who.request('POST', `/api/appointments/${visit.id}/recording`, { action })
    const consent = (who: Client, value: unknown) =>
      who.request('POST', `/api/appointments/${visit.id}/recording-consent`, { consent: value })

    const notAllowed = await record(doctor, 'start')
    expect([notAllowed.status, reason(notAllowed)]).toEqual([403, 'Your clinic does not allow recording visits.'])
    await server.payload.update({
      collection: 'tenants',
      id: world.alpha.id,
      data: { video: { recordingAllowed: true } },
      overrideAccess: true,
    })
    const noConsent = await record(doctor, 'start')
    expect([noConsent.status, reason(noConsent)]).toEqual([403, 'The patient has not agreed to this visit being recorded.'])

    // Only the patient consents, and the doctor cannot write the field around the endpoint.
    expect((await consent(doctor, true)).status).toBe(403)
    expect((await consent(patient, 'yes')).status).toBe(400)
    await doctor.request('PATCH', `/api/appointments/${visit.id}`, { recordingConsent: new Date().toISOString() })
    expect((await server.payload.findByID({ collection: 'appointments', id: visit.id, overrideAccess: true })).recordingConsent).toBeFalsy()
    const given = await consent(patient, true)
    expect([given.status, given.body.recordingConsent]).toEqual([200, expect.any(String)])

    // Nobody in the call yet: nothing to record. The patient and doctor enter (as openvidu-browser does).
    expect(reason(await record(doctor, 'start'))).toBe('Join the call first: there is nothing to record yet.')
    const patientCall = await enterCall((await patient.request('POST', `/api/appointments/${visit.id}/join`)).body.token)
    const doctorCall = await enterCall((await doctor.request('POST', `/api/appointments/${visit.id}/join`)).body.token)
    expect(patientCall.joined.result).toMatchObject({ role: 'PUBLISHER', session: `appointment-${visit.id}` })
    expect(doctorCall.joined.result.value).toHaveLength(1)

    expect((await record(patient, 'start')).status).toBe(403)
    const started = await record(doctor, 'start')
    expect([started.status, started.body.recording]).toEqual([201, `appointment-${visit.id}`])
    expect(reason(await record(doctor, 'start'))).toBe('This visit is already being recorded.')
    // Everyone in the call is told.
    await waitFor(() => patientCall.notifications.some((n) => n.method === 'recordingStarted'))
    expect(patientCall.notifications.map((n) => n.method)).toContain('recordingStarted')

    // The patient changes their mind: the recording stops at once.
    expect((await consent(patient, false)).status).toBe(200)
    expect(double.recordings.get(`appointment-${visit.id}`)!.status).toBe('stopped')
    expect(reason(await record(doctor, 'start'))).toBe('The patient has not agreed to this visit being recorded.')
    patientCall.ws.close()
    doctorCall.ws.close()
  })
})
