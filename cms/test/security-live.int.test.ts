/**
 * The live channel (WebSocket /live), issue 12 items 6 and 13: call signalling only
 * inside the join window of an ongoing visit, checked at every signal; a visit that
 * has ended takes no new subscribers; a malformed upgrade gets 400 or 403 and the
 * server keeps serving.
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type Client } from './support/http.ts'
import { connectLive } from './support/liveClient.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, visitAt, type World } from './support/world.ts'

let server: TestServer
let world: World
const MINUTE = 60_000
const clients: Record<string, Client> = {}

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  for (const [name, email] of Object.entries({
    alphaPatient: world.alpha.patient.email,
    alphaDoctor: world.alpha.doctorUser.email,
    betaPatient: world.beta.patient.email,
    betaDoctor: world.beta.doctorUser.email,
  }))
    clients[name] = await signIn(server.url, email, PASSWORD)
})
afterAll(() => server?.close())

/** The patient and the doctor, both subscribed to the visit. */
async function bothIn(appointment: number | string, patient: Client, doctor: Client) {
  const p = await connectLive(server.url, patient.token!)
  const d = await connectLive(server.url, doctor.token!)
  for (const side of [p, d]) {
    side.send({ type: 'subscribe', appointment })
    await side.next((m) => m.type === 'subscribed' || m.type === 'error')
  }
  return { p, d, close: () => [p, d].forEach((s) => s.ws.close()) }
}

const offer = (n: number) => ({ description: { type: 'offer', sdp: `v=${n}` } })

describe('call signalling', () => {
  it('is relayed in an ongoing visit, and stops once the visit is completed, also for people already in the room', async () => {
    const visit = await visitAt(server.payload, world.alpha, Date.now() - 5 * MINUTE)
    const { p, d, close } = await bothIn(visit.id, clients.alphaPatient!, clients.alphaDoctor!)
    p.send({ type: 'signal', appointment: visit.id, data: offer(1) })
    expect((await d.next((m) => m.type === 'signal')).data).toEqual(offer(1))

    const done = await clients.alphaDoctor!.request('POST', `/api/appointments/${visit.id}/complete`)
    expect(done.status).toBe(200)
    await p.next((m) => m.type === 'visit' && m.event === 'appointment.completed')

    p.send({ type: 'signal', appointment: visit.id, data: offer(2) })
    expect(await p.next((m) => m.type === 'error')).toEqual({
      type: 'error',
      appointment: String(visit.id),
      reason: expect.stringMatching(/completed, not confirmed/),
    })
    await d.settled()
    expect(d.received.filter((m) => m.type === 'signal').map((m) => m.data)).toEqual([offer(1)])
    close()
  })

  it('stops when the visit is cancelled while both wait in the room', async () => {
    const visit = await visitAt(server.payload, world.beta, Date.now() + 10 * MINUTE)
    const { p, d, close } = await bothIn(visit.id, clients.betaPatient!, clients.betaDoctor!)
    d.send({ type: 'signal', appointment: visit.id, data: offer(1) })
    await p.next((m) => m.type === 'signal')
    const cancelled = await clients.betaDoctor!.request('POST', `/api/appointments/${visit.id}/cancel`, { reason: 'Doctor unwell' })
    expect(cancelled.status).toBe(200)
    await d.next((m) => m.type === 'visit' && m.event === 'appointment.cancelled')
    d.send({ type: 'signal', appointment: visit.id, data: offer(2) })
    expect((await d.next((m) => m.type === 'error')).reason).toMatch(/cancelled/)
    await p.settled()
    expect(p.received.filter((m) => m.type === 'signal')).toHaveLength(1)
    close()
  })

  it('is refused before the join window opens, with the time it opens', async () => {
    const visit = await visitAt(server.payload, world.alpha, Date.now() + 5 * 60 * MINUTE)
    const { p, d, close } = await bothIn(visit.id, clients.alphaPatient!, clients.alphaDoctor!)
    expect(p.received.find((m) => m.type === 'subscribed')).toBeTruthy()
    p.send({ type: 'signal', appointment: visit.id, data: offer(1) })
    expect((await p.next((m) => m.type === 'error')).reason).toMatch(/^Too early: the visit opens at/)
    await d.settled()
    expect(d.received.some((m) => m.type === 'signal')).toBe(false)
    close()
  })

  it('takes no subscribers for a visit that has ended (its chat stays readable on the visit page)', async () => {
    const visit = await visitAt(server.payload, world.alpha, Date.now() - 26 * 60 * MINUTE, { status: 'completed' })
    const p = await connectLive(server.url, clients.alphaPatient!.token!)
    p.send({ type: 'subscribe', appointment: visit.id })
    expect(await p.next((m) => m.type === 'error' || m.type === 'subscribed')).toEqual({
      type: 'error',
      appointment: String(visit.id),
      reason: expect.stringMatching(/has ended/),
    })
    p.send({ type: 'signal', appointment: visit.id, data: offer(1) })
    await p.next((m) => m.reason === 'Subscribe to the visit first.')
    // Its chat is still there for the participant, over REST.
    expect((await clients.alphaPatient!.request('GET', `/api/appointments/${visit.id}/messages`)).status).toBe(200)
    p.ws.close()
  })
})

/** Sends a raw upgrade request and answers the status line the server wrote back (or '' if it only closed). */
function rawUpgrade(requestLine: string, headers: Record<string, string>): Promise<string> {
  const { port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk) => (answer += String(chunk)))
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''))
    socket.on('error', reject)
    const lines = Object.entries({
      Host: `127.0.0.1:${port}`,
      Upgrade: 'websocket',
      Connection: 'Upgrade',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      ...headers,
    }).map(([name, value]) => `${name}: ${value}`)
    socket.write(`${requestLine}\r\n${lines.join('\r\n')}\r\n\r\n`)
  })
}

describe('malformed upgrade requests', () => {
  it('answers 403 to an opaque or unparsable Origin', async () => {
    for (const origin of ['null', 'http://[', 'not a url'])
      expect([origin, await rawUpgrade('GET /live HTTP/1.1', { Origin: origin })]).toEqual([origin, 'HTTP/1.1 403 Forbidden'])
  })

  it('answers 400 to a badly encoded session cookie and to an unparsable address', async () => {
    expect(await rawUpgrade('GET /live HTTP/1.1', { Cookie: 'telemed-token=%E0%A4%A' })).toBe('HTTP/1.1 400 Bad Request')
    expect(await rawUpgrade('GET //[ HTTP/1.1', {})).toBe('HTTP/1.1 400 Bad Request')
    expect(await rawUpgrade('GET http://[::1 HTTP/1.1', {})).toBe('HTTP/1.1 400 Bad Request')
  })

  it('keeps serving: pages, the API and well-formed live connections', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const live = await connectLive(server.url, clients.alphaPatient!.token!)
    await live.settled()
    live.ws.close()
  })
})
