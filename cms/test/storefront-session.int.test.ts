/** Signing in and out of a clinic's site with plain HTML forms (no JavaScript), as on a basic phone. */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emailTo, linkIn } from './support/outbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createUser, PASSWORD, type World } from './support/world.ts'

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
const cookieNamed = (a: Answer, name: string) =>
  ([a.headers['set-cookie']].flat().find((c) => c?.startsWith(`${name}=`)) ?? '').split(';')[0]!
const tokenCookie = (a: Answer) => cookieNamed(a, 'telemed-token')
/** Where a browser on `host` goes with the answer's Location header. */
const landsOn = (a: Answer, host: string) => new URL(String(a.headers.location), `http://${host}`)

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
    expect(wrong.html).toContain('These details did not sign you in')
    expect(wrong.html).toContain(`value="${world.alpha.patient.email}"`)
    const empty = await send('alpha.localhost', '/signin', { form: { email: '', password: '' } })
    expect([empty.status, empty.html.includes('Enter the email address you registered with.')]).toEqual([400, true])
  })

  it("refuses a staff account of another clinic on this clinic's site", async () => {
    const foreign = await send('alpha.localhost', '/signin', { form: { email: world.beta.doctorUser.email, password: PASSWORD } })
    expect(foreign.status).toBe(403)
    expect(foreign.html).toContain('not registered with Clinic alpha')
    expect(tokenCookie(foreign)).toBe('')
  })

  it.each(['/%5Cevil.example/x', '/%09/evil.example', '//evil.example/x', '/%5C%5Cevil.example'])(
    'never sends anyone to another site after sign-in (next=%s)',
    async (next) => {
      const signedIn = await send('alpha.localhost', `/signin?next=${next}`, {
        form: { email: world.alpha.patient.email, password: PASSWORD },
      })
      expect(signedIn.status).toBe(303)
      expect(landsOn(signedIn, 'alpha.localhost').host).toBe('alpha.localhost')
      const again = await send('alpha.localhost', `/signin?next=${next}`, { cookie: tokenCookie(signedIn) })
      expect(landsOn(again, 'alpha.localhost').host).toBe('alpha.localhost')
    },
  )
})

describe('addresses that name nothing', () => {
  it.each(['/doctors/99999999999999999999', '/doctors/abc', '/appointments/2147483648'])(
    'answer %s with the site’s 404 page',
    async (path) => {
      const cookie = tokenCookie(
        await send('alpha.localhost', '/signin', { form: { email: world.alpha.patient.email, password: PASSWORD } }),
      )
      const page = await send('alpha.localhost', path, { cookie })
      expect(page.status).toBe(404)
    },
  )
})

describe('registering and joining on a clinic site', () => {
  it('registers a new patient, who confirms the email with their password and is signed in', async () => {
    const email = 'site-newcomer@x.test'
    const form = { name: 'Site Newcomer', email, password: 'a-site-password-1', consent: 'yes' }
    const registered = await send('alpha.localhost', '/register', { form })
    expect(registered.status).toBe(200)
    expect(registered.html).toContain('Check your inbox')
    const tooEarly = await send('alpha.localhost', '/signin', { form: { email, password: form.password } })
    expect(tooEarly.html).toContain('Confirm your email first')

    const link = new URL(linkIn((await emailTo(email, /Confirm your email/, { dataDir: process.env.DATA_DIR })).body, /confirm-email/)!)
    expect(link.hostname).toBe('alpha.localhost')
    const page = await send('alpha.localhost', `${link.pathname}${link.search}`)
    expect(page.html).toContain('Confirm and sign in')
    const confirmed = await send('alpha.localhost', link.pathname, {
      form: { token: link.searchParams.get('token')!, password: form.password },
    })
    expect([confirmed.status, confirmed.headers.location]).toEqual([303, '/doctors?welcome=1'])
    expect((await send('alpha.localhost', '/', { cookie: tokenCookie(confirmed) })).html).toContain('Signed in as Site Newcomer')
  })

  it('says the same for an email that already has an account, and tells its holder by email instead', async () => {
    const form = { name: 'Someone', email: world.beta.patient.email, password: 'a-site-password-1', consent: 'yes' }
    const answer = await send('alpha.localhost', '/register', { form })
    expect([answer.status, answer.html.includes('Check your inbox'), answer.html.includes('exists')]).toEqual([200, true, false])
    await emailTo(world.beta.patient.email, /tried to register/)
  })

  it('offers a patient of another clinic to join, with this clinic’s consent, after signing in', async () => {
    const patient = await createUser(server.payload, 'site-joiner@beta.test', 'patient', [world.beta.id])
    const signedIn = await send('alpha.localhost', '/signin', { form: { email: patient.email, password: PASSWORD } })
    expect([signedIn.status, signedIn.headers.location, tokenCookie(signedIn)]).toEqual([303, '/join', ''])
    const pending = cookieNamed(signedIn, 'telemed-join')
    // Until they accept, the session opens nothing on this site.
    expect((await send('alpha.localhost', '/appointments', { cookie: pending })).status).toBe(303)
    const offer = await send('alpha.localhost', '/join', { cookie: pending })
    expect(offer.html).toContain('Join Clinic alpha?')
    const unconsented = await send('alpha.localhost', '/join?/join', { form: {}, cookie: pending })
    expect(unconsented.status).toBe(400)
    const joined = await send('alpha.localhost', '/join?/join', { form: { consent: 'yes' }, cookie: pending })
    expect([joined.status, joined.headers.location]).toEqual([303, '/doctors?welcome=1'])
    const home = await send('alpha.localhost', '/', { cookie: tokenCookie(joined) })
    expect(home.html).toContain('Signed in as site-joiner')
    const account = await server.payload.findByID({ collection: 'users', id: patient.id, overrideAccess: true, depth: 0 })
    expect((account.tenants as { tenant: unknown }[]).map((t) => String(t.tenant)).sort()).toEqual(
      [String(world.alpha.id), String(world.beta.id)].sort(),
    )
  })
})
