/**
 * Secrets never reach the logs: addresses that are their own credential (a
 * doctor's calendar feed, a guest's visit link, verification and reset links)
 * are logged with the secret replaced, query strings not at all. The logs read
 * here are the real ones: pino's output of the server as createApp builds it.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withCapturedLogs } from './support/capturedLogs.ts'
import { signIn } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let logs: Awaited<ReturnType<typeof withCapturedLogs>>

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  logs = await withCapturedLogs(server)
})
afterAll(async () => {
  await logs?.close()
  await server?.close()
})

const token = () => randomBytes(18).toString('base64url')
const loggedPaths = () => logs.lines().flatMap((l) => ((l.req as { path?: string })?.path ? [(l.req as { path: string }).path] : []))

describe('request logs', () => {
  it("keep a doctor's calendar feed token out, and the shape of the path in", async () => {
    const doctor = await signIn(logs.url, world.alpha.doctorUser.email, PASSWORD)
    const made = await doctor.request('POST', `/api/doctors/${world.alpha.doctor}/calendar-feed`)
    expect(made.status).toBe(201)
    const feed = new URL(made.body.url as string)
    const secret = feed.pathname
      .split('/')
      .pop()!
      .replace(/\.ics$/, '')
    const res = await fetch(`${logs.url}${feed.pathname}`)
    expect(res.status).toBe(200)
    expect(loggedPaths()).toContain('/api/calendar/[redacted].ics')
    expect(logs.text()).not.toContain(secret)
  })

  it('keep guest links, verification and reset tokens out', async () => {
    const secrets = Array.from({ length: 6 }, token)
    const [invite, prefixed, data, verify, adminReset, query] = secrets
    await fetch(`${logs.url}/visit-invite/${invite}`)
    await fetch(`${logs.url}/c/alpha/visit-invite/${prefixed}`)
    await fetch(`${logs.url}/visit-invite/${data}/__data.json`)
    await fetch(`${logs.url}/api/users/verify/${verify}`, { method: 'POST' })
    await fetch(`${logs.url}/admin/reset/${adminReset}`)
    await fetch(`${logs.url}/reset-password?token=${query}`)
    // The reset itself carries its token in the body, which is never logged.
    await fetch(`${logs.url}/api/users/reset-password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: query, password: 'a-new-password-123' }),
    })

    const paths = loggedPaths()
    expect(paths).toEqual(
      expect.arrayContaining([
        '/visit-invite/[redacted]',
        '/c/alpha/visit-invite/[redacted]',
        '/visit-invite/[redacted]/__data.json',
        '/api/users/verify/[redacted]',
        '/admin/reset/[redacted]',
        '/reset-password',
        '/api/users/reset-password',
      ]),
    )
    const text = logs.text()
    for (const secret of secrets) expect(text).not.toContain(secret)
  })

  it('still name ordinary paths in full, with their ids', async () => {
    const patient = await signIn(logs.url, world.alpha.patient.email, PASSWORD)
    await patient.request('GET', `/api/appointments/${world.alpha.appointment}?depth=0`)
    expect(loggedPaths()).toContain(`/api/appointments/${world.alpha.appointment}`)
  })
})
