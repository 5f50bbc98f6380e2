/**
 * GET /metrics: closed without METRICS_TOKEN, Prometheus text with it; the counters
 * move with bookings and refusals, jobs and live sockets; no label holds an id, an
 * email or a path as sent.
 */
import { writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contextFor } from '../src/plugins/context.ts'
import { pluginsOf } from '@telemed/plugin-sdk'
import { signIn, type Client } from './support/http.ts'
import { jobsTestPlugin, releaseFile } from './support/jobsPlugin.ts'
import { connectLive } from './support/liveClient.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { openAllWeek, PASSWORD, type World } from './support/world.ts'

const TOKEN = 'metrics-token-metrics-token-metrics-token-0123'
const postgres = (process.env.DATABASE_URL ?? '').startsWith('postgres')
const WAIT = { timeout: 20_000, interval: 50 }

let server: TestServer
let world: World
let patient: Client
let otherPatient: Client

beforeAll(async () => {
  ;({ server, world } = await startWorld({ METRICS_TOKEN: TOKEN }, { plugins: [jobsTestPlugin] }))
  await openAllWeek(server.payload, world.alpha.doctor, { visitMinutes: 30, bufferAfterMinutes: 0, bookingHorizonDays: 30 })
  await server.payload.update({ collection: 'doctors', id: world.alpha.doctor, data: { weeklyHours: allWeek('08:00', '20:00') }, overrideAccess: true })
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  otherPatient = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
})
afterAll(() => server?.close())

const allWeek = (start: string, end: string) => (['0', '1', '2', '3', '4', '5', '6'] as const).map((day) => ({ day, start, end }))
const tomorrowAt = (hh: number) => {
  const d = new Date(Date.now() + 24 * 3_600_000)
  d.setUTCHours(hh, 0, 0, 0)
  return d.toISOString()
}

type Sample = { name: string; labels: Record<string, string>; value: number }

/**
 * Prometheus text exposition format: every line a comment or `name{labels} value`; throws on anything else.
 * Values are Go floats, as Prometheus parses them (prom-client writes NaN as `Nan`).
 */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = []
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|nan|[+-]inf)$/i.exec(line)
    if (!m) throw new Error(`not Prometheus text: ${line}`)
    const labels: Record<string, string> = {}
    for (const [, key, value] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!
    samples.push({ name: m[1]!, labels, value: Number(m[3]) })
  }
  return samples
}

async function scrape(url = server.url): Promise<Sample[]> {
  const res = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return parseMetrics(await res.text())
}

const valueOf = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0)

describe('GET /metrics', () => {
  it('is closed without the token, with another token, or another scheme', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { Authorization: 'Bearer wrong' },
      { Authorization: `Bearer ${TOKEN}x` },
      { Authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` },
      { Authorization: `JWT ${patient.token}` },
    ]) {
      const res = await fetch(`${server.url}/metrics`, { headers })
      expect(res.status).toBe(401)
      expect(await res.text()).not.toContain('process_cpu')
    }
  })

  it('does not exist when METRICS_TOKEN is unset', async () => {
    const [{ createApp }, { parseEnv }] = await Promise.all([import('../server/app.ts'), import('@telemed/config')])
    const env = { ...parseEnv(), METRICS_TOKEN: undefined }
    const open = createApp({ payload: server.payload, env, logger: pino({ level: 'silent' }) }).listen(0, '127.0.0.1')
    await new Promise((ok) => open.once('listening', ok))
    try {
      const url = `http://127.0.0.1:${(open.address() as AddressInfo).port}`
      expect((await fetch(`${url}/metrics`)).status).toBe(404)
      expect((await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404)
    } finally {
      open.closeAllConnections()
      await new Promise((ok) => open.close(ok))
    }
  })

  it("serves Prometheus text with the process's default metrics and the database's", async () => {
    const samples = await scrape()
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds'])
      expect(samples.some((s) => s.name === name)).toBe(true)
    if (postgres) {
      expect(samples.filter((s) => s.name === 'telemed_db_pool_clients').map((s) => s.labels.state).sort()).toEqual(['idle', 'total', 'waiting'])
      expect(valueOf(samples, 'telemed_db_pool_clients', { state: 'total' })).toBeGreaterThan(0)
    } else {
      expect(samples.find((s) => s.name === 'telemed_db_sqlite_writes_waiting')?.value).toBe(0)
    }
  })

  it('counts bookings made and refused, by reason', async () => {
    const before = await scrape()
    const book = (who: Client, start: string) =>
      who.request('POST', '/api/appointments/book', { doctor: world.alpha.doctor, start }, { 'Idempotency-Key': crypto.randomUUID() })
    expect((await book(patient, tomorrowAt(10))).status).toBe(201)
    expect((await book(otherPatient, tomorrowAt(10))).status).toBe(409)
    expect((await book(otherPatient, tomorrowAt(3))).status).toBe(422)
    const after = await scrape()
    const moved = (outcome: string) =>
      valueOf(after, 'telemed_bookings_total', { mode: 'book', outcome }) - valueOf(before, 'telemed_bookings_total', { mode: 'book', outcome })
    expect({ booked: moved('booked'), taken: moved('taken'), outside_hours: moved('outside_hours') }).toEqual({
      booked: 1,
      taken: 1,
      outside_hours: 1,
    })
  })

  it('times requests by route pattern: no id, email, query or unknown path in any label', async () => {
    const { docs } = await server.payload.find({ collection: 'appointments', limit: 1, overrideAccess: true, depth: 0 })
    const id = String(docs[0]!.id)
    const email = world.alpha.patient.email
    expect((await patient.request('GET', `/api/appointments/${id}?where[reason][like]=${email}`)).status).toBe(200)
    await patient.request('GET', `/api/users?where[email][equals]=${encodeURIComponent(email)}`)
    await fetch(`${server.url}/c/alpha/doctors/${id}?q=${email}`)
    await fetch(`${server.url}/no-such-page/${email}/${id}`)
    await fetch(`${server.url}/api/no-such-collection/${id}`)

    const samples = await scrape()
    const routes = new Set(samples.filter((s) => s.name === 'telemed_http_request_duration_seconds_count').map((s) => s.labels.route))
    expect(routes).toContain('/api/appointments/:id')
    expect(routes).toContain('/api/users')
    expect(routes).toContain('/api/users/login')
    expect(routes).toContain('/c/[clinic]/doctors/[id]')
    expect(routes).toContain('(unmatched)')
    expect(routes).toContain('/api/(unmatched)')
    const count = valueOf(samples, 'telemed_http_request_duration_seconds_count', { method: 'GET', route: '/api/appointments/:id', status: '200' })
    expect(count).toBeGreaterThanOrEqual(1)

    const ids = [id, String(world.alpha.patient.id), String(world.alpha.doctor), String(world.alpha.id)]
    for (const sample of samples.filter((s) => s.name.startsWith('telemed_'))) {
      for (const [key, value] of Object.entries(sample.labels)) {
        if (key === 'le') continue
        expect(value).not.toMatch(/@|\?|=/)
        for (const segment of value.split('/')) expect(ids).not.toContain(segment)
      }
    }
  })

  it('counts open live sockets', async () => {
    const before = valueOf(await scrape(), 'telemed_live_sockets')
    const live = await connectLive(server.url, patient.token!)
    await expect.poll(async () => valueOf(await scrape(), 'telemed_live_sockets'), WAIT).toBe(before + 1)
    live.ws.close()
    await expect.poll(async () => valueOf(await scrape(), 'telemed_live_sockets'), WAIT).toBe(before)
  })

  it("shows the jobs queue's depth and its failures", async () => {
    const plugin = pluginsOf(server.payload.config).find((p) => p.name === 'jobs-test')!
    const ctx = contextFor(server.payload, plugin)
    await ctx.queue('slow', { key: 'metrics-slow' })
    await expect.poll(async () => valueOf(await scrape(), 'telemed_jobs', { state: 'queued' }), WAIT).toBe(1)
    writeFileSync(releaseFile('metrics-slow'), '')
    await expect.poll(async () => valueOf(await scrape(), 'telemed_jobs', { state: 'queued' }), WAIT).toBe(0)

    await ctx.queue('broken', { key: 'metrics-broken' })
    await expect.poll(async () => valueOf(await scrape(), 'telemed_jobs', { state: 'failed' }), WAIT).toBe(1)
    // Its two attempts (retries: 1) both failed.
    expect(valueOf(await scrape(), 'telemed_job_failures_total', { task: 'jobs-test.broken' })).toBe(2)
  })
})
