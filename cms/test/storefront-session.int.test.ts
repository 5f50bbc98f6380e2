/** Signing in and out of a clinic's site with plain HTML forms (no JavaScript), as on a basic phone. */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World

beforeAll(async () => {
  ;({ server, world } = await startWorld())
})
afterAll(() => server?.close())

type Answer = { status: number; html: string; headers: Record<string, string | string[] | undefined> }

/** A browser request on a clinic's domain: Host, Origin and cookies as a form post sends them. */
function send(host: string, path: string, options: { form?: Record<string, string>; cookie?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.form ? new URLSearchParams(options.form).toString() : undefined
    const req = request(
      `${server.url}${path}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          host,
          accept: 'text/html',
          ...(body !== undefined ? { origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        let html = ''
        res.setEncoding('utf8').on('data', (c) => (html += c))
        res.on('end', () => resolve({ status: res.statusCode!, html, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
const tokenCookie = (a: Answer) => ([a.headers['set-cookie']].flat().find((c) => c?.startsWith('telemed-token=')) ?? '').split(';')[0]!

describe('sign in and out on a clinic site', () => {
  it('signs a patient in with a form post, keeps the token in an httpOnly cookie, and signs out', async () => {
    const signedIn = await send('alpha.localhost', '/signin', { form: { email: world.alpha.patient.email, password: PASSWORD } })
    expect([signedIn.status, signedIn.headers.location]).toEqual([303, '/doctors'])
    const setCookie = [signedIn.headers['set-cookie']].flat().join('\n')
    expect(setCookie).toMatch(/telemed-token=.+; .*HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const cookie = tokenCookie(signedIn)
    const home = await send('alpha.localhost', '/', { cookie })
    expect(home.html).toContain('Signed in as patient')
    expect(home.html).not.toContain(cookie.split('=')[1]!)

    const out = await send('alpha.localhost', '/signout', { form: {}, cookie })
    expect(out.status).toBe(303)
    expect([out.headers['set-cookie']].flat().join('\n')).toMatch(/telemed-token=;/)
    // The old token no longer works anywhere: the session ended on the server.
    const after = await send('alpha.localhost', '/', { cookie })
    expect(after.html).toContain('Sign in')
    expect(after.html).not.toContain('Signed in as')
  })

  it('explains a wrong password next to the form, and keeps the email typed', async () => {
    const wrong = await send('alpha.localhost', '/signin', { form: { email: world.alpha.patient.email, password: 'nope' } })
    expect(wrong.status).toBe(400)
    expect(wrong.html).toContain('do not match an account')
    expect(wrong.html).toContain(`value="${world.alpha.patient.email}"`)
    const empty = await send('alpha.localhost', '/signin', { form: { email: '', password: '' } })
    expect([empty.status, empty.html.includes('Enter the email address you registered with.')]).toEqual([400, true])
  })

  it("refuses an account of another clinic on this clinic's site", async () => {
    const foreign = await send('alpha.localhost', '/signin', { form: { email: world.beta.patient.email, password: PASSWORD } })
    expect(foreign.status).toBe(403)
    expect(foreign.html).toContain('not registered with Clinic alpha')
    expect(tokenCookie(foreign)).toBe('')
  })
})
