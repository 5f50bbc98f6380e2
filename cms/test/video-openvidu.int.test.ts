/**
 * Video visits on OpenVidu: the platform configured with OPENVIDU_URL talks to a
 * test double of the OpenVidu 2.32 REST API through the real openvidu-node-client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOpenViduDouble } from '../../plugins/video-openvidu/src/testing/openViduDouble.ts'
import { signIn, type Client } from './support/http.ts'
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
