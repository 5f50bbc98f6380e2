/**
 * The clinic site calls the API over loopback. Rate limits and the audit log
 * must still see each visitor's own address and browser, and no outside client
 * may claim another address.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World

beforeAll(async () => {
  // One proxy in front (as behind a load balancer): it names the visitor in X-Forwarded-For.
  ;({ server, world } = await startWorld({ TRUST_PROXY: '1', AUTH_RATE_LIMIT_PER_MINUTE: '3' }))
})
afterAll(() => server?.close())

type Answer = { status: number; html: string; cookie: string }

/** A browser behind the proxy at `address`, on Clinic alpha's site. */
function visit(address: string, path: string, options: { form?: Record<string, string>; cookie?: string; agent?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const body = options.form ? new URLSearchParams(options.form).toString() : undefined
    const req = request(
      `${server.url}${path}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          host: 'alpha.localhost',
          accept: 'text/html',
          'x-forwarded-for': address,
          'user-agent': options.agent ?? `Browser of ${address}`,
          ...(body !== undefined ? { origin: 'http://alpha.localhost', 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        let html = ''
        res.setEncoding('utf8').on('data', (c) => (html += c))
        res.on('end', () => {
          const cookie = ([res.headers['set-cookie']].flat().find((c) => c?.startsWith('telemed-token=')) ?? '').split(';')[0]!
          resolve({ status: res.statusCode!, html, cookie })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
const wrongSignIn = (address: string) => visit(address, '/signin', { form: { email: world.alpha.patient.email, password: 'wrong-guess' } })

describe("the visitor's address through the clinic site", () => {
  it('limits each visitor on their own: one guesser does not block the site for everyone', async () => {
    const guesser = '203.0.113.7'
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await wrongSignIn(guesser)).status)
    expect(statuses).toEqual([400, 400, 400, 429])
    // Another visitor of the same site, at the same time, is not counted with them.
    const neighbour = await visit('198.51.100.9', '/signin', { form: { email: world.alpha.patient.email, password: PASSWORD } })
    expect([neighbour.status, neighbour.cookie !== '']).toEqual([303, true])
  })

  it('writes the visitor’s address and browser into the audit log, not the site’s loopback', async () => {
    const address = '192.0.2.44'
    const agent = 'Mozilla/5.0 (a patient phone)'
    const signedIn = await visit(address, '/signin', { form: { email: world.alpha.patient.email, password: PASSWORD }, agent })
    const started = new Date().toISOString()
    const page = await visit(address, `/appointments/${world.alpha.appointment}`, { cookie: signedIn.cookie, agent })
    expect(page.status).toBe(200)
    const { docs } = await server.payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { actor: { equals: world.alpha.patient.id } },
          { resource: { equals: 'appointments' } },
          { createdAt: { greater_than_equal: started } },
        ],
      },
      overrideAccess: true,
      depth: 0,
    })
    expect(docs.length).toBeGreaterThan(0)
    for (const entry of docs) expect([entry.ip, entry.userAgent]).toEqual([address, agent])
  })

  it('ignores a visitor address claimed by anyone but the site itself', async () => {
    const api = client(server.url)
    const statuses = []
    for (const forged of ['10.1.1.1', '10.1.1.2', '10.1.1.3', '10.1.1.4']) {
      const res = await api.request(
        'POST',
        '/api/users/login',
        { email: world.beta.patient.email, password: 'wrong-guess' },
        {
          'x-forwarded-for': '198.18.0.1',
          'x-telemed-site-key': 'a-guess',
          'x-telemed-visitor-address': forged,
        },
      )
      statuses.push(res.status)
    }
    // All four counted against the caller's own address.
    expect(statuses).toEqual([401, 401, 401, 429])
  })
})
