/** Guessing passwords is slow: per-account lockout and a per-address limit on auth endpoints. */
import type { AddressInfo } from 'node:net'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEnv } from '@telemed/config'
import { createApp } from '../server/app.ts'
import { client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World

beforeAll(async () => {
  ;({ server, world } = await startWorld({ AUTH_RATE_LIMIT_PER_MINUTE: '8', API_RATE_LIMIT_PER_MINUTE: '3' }))
})
afterAll(() => server?.close())

describe('sign-in protection', () => {
  it('locks an account after five wrong passwords, even against the right one', async () => {
    const anonymous = client(server.url)
    const email = world.alpha.patient.email
    for (let i = 0; i < 5; i++) expect((await anonymous.request('POST', '/api/users/login', { email, password: 'wrong' })).status).toBe(401)
    const locked = await anonymous.request('POST', '/api/users/login', { email, password: PASSWORD })
    expect(locked.status).toBe(401)
    // Answered as an unknown email is (see security-accounts): a stranger learns neither the lock nor the account.
    const unknown = await anonymous.request('POST', '/api/users/login', { email: 'nobody@x.test', password: PASSWORD })
    expect(locked.body).toEqual(unknown.body)
  })

  it('limits attempts per address, with a message and Retry information', async () => {
    const anonymous = client(server.url)
    // The previous test used 7 of this address's 8 attempts this minute.
    const statuses: number[] = []
    for (let i = 0; i < 4; i++)
      statuses.push((await anonymous.request('POST', '/api/users/login', { email: world.beta.patient.email, password: 'wrong' })).status)
    expect(statuses).toEqual([401, 429, 429, 429])
    const limited = await anonymous.request('POST', '/api/users/forgot-password', { email: world.beta.patient.email })
    expect(limited.status).toBe(429)
    expect(limited.body.errors[0].message).toMatch(/Too many attempts/)
    expect(limited.headers.get('ratelimit-policy')).toMatch(/8/)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Reading the API is not an auth endpoint and stays open.
    expect((await anonymous.request('GET', '/api/tenants')).status).toBe(200)
  })
})

describe('endpoints that run plugin or provider code', () => {
  it('limit each visitor address per minute, each endpoint on its own', async () => {
    const anonymous = client(server.url)
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await anonymous.request('GET', '/api/video/capabilities')).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const refused = await anonymous.request('GET', '/api/video/capabilities')
    expect(refused.body.errors[0].message).toMatch(/Too many requests/)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another limited endpoint still has its own count.
    expect((await anonymous.request('POST', '/api/site-steps/none/none', {})).status).toBe(401)
  })
})

describe.skipIf(!(process.env.DATABASE_URL ?? '').startsWith('postgres'))(
  'one limit for every server process (PostgreSQL only: SQLite runs one process, which counts in memory)',
  () => {
    it('counts attempts through another process against the same limit, and keeps no address in clear', async () => {
      // A second server on the same database, as another process behind the load balancer would be.
      const other = createApp({ payload: server.payload, env: parseEnv(), logger: pino({ level: 'silent' }) }).listen(0, '127.0.0.1')
      await new Promise((ok) => other.once('listening', ok))
      try {
        const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
        // This address used its 8 attempts this minute through the first server.
        const refused = await client(otherUrl).request('POST', '/api/users/login', { email: world.alpha.admin.email, password: 'wrong' })
        expect(refused.status).toBe(429)
        const pool = (server.payload.db as unknown as { pool: import('pg').Pool }).pool
        const { rows } = await pool.query('SELECT key FROM telemed_cluster.rate_limits')
        expect(rows.length).toBeGreaterThan(0)
        expect(rows.map((r) => r.key).join(' ')).not.toMatch(/127\.0\.0\.1|::1/)
      } finally {
        other.closeAllConnections()
        await new Promise((ok) => other.close(ok))
      }
    })
  },
)
