/** Guessing passwords is slow: per-account lockout and a per-address limit on auth endpoints. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World

beforeAll(async () => {
  ;({ server, world } = await startWorld({ AUTH_RATE_LIMIT_PER_MINUTE: '8' }))
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
    // Reading the API is not an auth endpoint and stays open.
    expect((await anonymous.request('GET', '/api/tenants')).status).toBe(200)
  })
})
