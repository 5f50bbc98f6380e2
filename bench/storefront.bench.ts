/**
 * The clinic site as deployed: the server in its own process on seeded demo
 * data (plus more doctors), this process only generating load. Prints the
 * JavaScript shipped to the booking page (gzip) and the server-render time of
 * the doctor list with 50 requests in flight.
 */
import { request } from 'node:http'
import { gzipSync } from 'node:zlib'
import { startSeededServer } from '../cms/test/support/seededProduct.ts'
import { percentile, ratio } from './support/machine.ts'

const CONCURRENCY = 50
const REQUESTS = 2000
const EXTRA_DOCTORS = 9
const HOST = 'northwind.localhost'

/** GET with a Host header (fetch does not let us set one). */
function get(base: string, path: string): Promise<{ status: number; body: Buffer; link: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { host: HOST, accept: 'text/html' } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), link: String(res.headers.link ?? '') }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function api(base: string, token: string, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { doc: { id: number } }).doc
}

/** A fuller directory: more doctors at Northwind, each working weekdays. */
async function addDoctors(base: string) {
  const login = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.test', password: 'demo-password' }),
  })
  const { token } = (await login.json()) as { token: string }
  const clinics = await (
    await fetch(`${base}/api/tenants?where[slug][equals]=northwind`, { headers: { Authorization: `JWT ${token}` } })
  ).json()
  const tenant = (clinics as { docs: { id: number }[] }).docs[0]!.id
  for (let i = 0; i < EXTRA_DOCTORS; i++) {
    const user = await api(base, token, '/api/users', {
      name: `Dr. Bench ${i}`,
      email: `bench-${i}@northwind.demo.test`,
      password: 'demo-password',
      role: 'doctor',
      tenants: [{ tenant }],
    })
    await api(base, token, '/api/doctors', {
      user: user.id,
      tenant,
      displayName: `Dr. Bench ${i}`,
      title: 'General practitioner',
      specialties: ['General practice'],
      timeZone: 'Europe/London',
      visitMinutes: 20,
      weeklyHours: [1, 2, 3, 4, 5].map((day) => ({ day: String(day), start: '08:00', end: '18:00' })),
    })
  }
}

export async function benchStorefront() {
  // BENCH_PAGES=1: the site serves /bench/doctors, the doctor list's data rendered from memory (the baseline).
  const { server } = await startSeededServer({ LOG_LEVEL: 'warn', BENCH_PAGES: '1' })
  try {
    await addDoctors(server.url)

    // 1. JavaScript the booking page loads: every module it preloads (SvelteKit lists them in the Link header), gzip-compressed.
    const page = await get(server.url, '/doctors/1')
    if (page.status !== 200) throw new Error(`booking page answered ${page.status}`)
    const scripts = new Set([...page.link.matchAll(/<([^>]+)>; rel="modulepreload"/g)].map((m) => m[1]!))
    let gzipBytes = 0
    for (const src of scripts) gzipBytes += gzipSync((await get(server.url, new URL(src, `http://${HOST}/doctors/x`).pathname)).body).length
    console.log(`storefront: booking page JavaScript ${(gzipBytes / 1024).toFixed(1)} KB gzip in ${scripts.size} modules (target < 80 KB)`)

    // 2. Server render of the doctor list, 50 requests in flight at a time: one round to warm up
    // (the server's code is compiled under the same load it is then measured with), one measured.
    // The baseline is the same page's data rendered from memory as a plain list, on the same server and layout
    // (storefront/src/routes/bench/doctors, served with BENCH_PAGES=1), measured alike in the same run: machines
    // of one kind differ 2-3x, the ratio carries from one to another. The sign-in page is printed beside them.
    const round = async (path: string, requests: number) => {
      const times: number[] = []
      let next = 0
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next++ < requests) {
            const t0 = performance.now()
            const res = await get(server.url, path)
            if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
            times.push(performance.now() - t0)
          }
        }),
      )
      return times.sort((a, b) => a - b)
    }
    const measure = async (path: string) => {
      await round(path, REQUESTS)
      const started = performance.now()
      const times = await round(path, REQUESTS)
      return { times, perSecond: times.length / ((performance.now() - started) / 1000) }
    }
    // Measured back to back, in this order, with the same load.
    const signin = await measure('/signin')
    const memory = await measure('/bench/doctors')
    const list = await measure('/doctors')
    const line = (what: string, m: typeof list, base?: typeof list) => {
      const [p50, p95] = [percentile(m.times, 50), percentile(m.times, 95)]
      const vs = base
        ? ` (to the baseline: p50 ${ratio(p50, percentile(base.times, 50))}, p95 ${ratio(p95, percentile(base.times, 95))}, pages/s ${ratio(m.perSecond, base.perSecond)})`
        : ''
      return `storefront: ${what} at ${CONCURRENCY} concurrent: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${m.perSecond.toFixed(0)} pages/s${vs}`
    }
    console.log(line('baseline, the same doctor list rendered from memory (/bench/doctors)', memory))
    console.log(line(`doctor list (${EXTRA_DOCTORS + 3} doctors)`, list, memory) + " (target p95 < 50 ms on the README's machine)")
    console.log(line('sign-in page (the layout and one form, no data)', signin, memory))
  } finally {
    server.child.kill('SIGTERM')
  }
}
