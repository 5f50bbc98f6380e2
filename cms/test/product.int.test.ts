/**
 * The product as `npm start` runs it: the real server process (Express + Next
 * admin + SvelteKit) on seeded demo data, driven by Chromium where a person would
 * click. Needs `npm run build` first (the test script's pretest does it).
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runScript } from './support/processes.ts'
import { startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

let product: SeededProduct
let env: SeededProduct['env']
let server: SeededProduct['server']
let browser: SeededProduct['browser']

beforeAll(async () => {
  product = await startSeededProduct()
  ;({ env, server, browser } = product)
}, 240_000)

afterAll(() => product?.stop())

/**
 * Signs in to the admin panel's API in a new browser window (Payload sets its
 * cookie there), then opens the panel. The login form is not filled in: Next
 * refreshes the login page once after it loads, and a form filled during that
 * refresh was lost, now and then, with nothing sent.
 */
async function adminSignIn(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  const login = await page.request.post(`${env.PUBLIC_URL}/api/users/login`, { data: { email, password: 'demo-password' } })
  expect(login.status(), await login.text()).toBe(200)
  await page.goto(`${env.PUBLIC_URL}/admin`, { waitUntil: 'networkidle' })
  return page
}

describe('seed', () => {
  it('is idempotent and refuses to run in production', async () => {
    const again = await runScript('seed', env)
    expect([again.code, again.stdout.trim().split('\n').at(-1)]).toEqual([0, 'Demo data already present; nothing to do.'])
    const refused = await runScript('seed', { ...env, NODE_ENV: 'production' })
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringMatching(/Refusing to seed demo data/)])
  })
})

describe('admin panel', () => {
  it("shows a clinic admin their own clinic's appointments only", async () => {
    const page = await adminSignIn('admin@northwind.demo.test')
    await page.goto(`${env.PUBLIC_URL}/admin/collections/appointments`, { waitUntil: 'networkidle' })
    const rows = page.locator('table tbody tr')
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(6)
    const text = await page.locator('table').innerText()
    expect(text).toContain('Dr. Ana Ruiz')
    expect(text).not.toContain('Dr. Priya Patel')
    await page.screenshot({ path: 'test-results/admin-clinic-appointments.png' })
  })

  it('lets the platform admin see every clinic', async () => {
    const page = await adminSignIn('admin@demo.test')
    await page.goto(`${env.PUBLIC_URL}/admin/collections/tenants`, { waitUntil: 'networkidle' })
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 15_000 }).toBe(2)
    expect(await page.locator('table').innerText()).toMatch(/Northwind Health[\s\S]*Sunrise Clinic|Sunrise Clinic[\s\S]*Northwind Health/)
  })

  it("refuses a patient with a message that sends them to their clinic's site", async () => {
    const page = await adminSignIn('alice@demo.test')
    await expect.poll(() => page.url()).toMatch(/\/admin\/unauthorized/)
    const body = await page.locator('body').innerText()
    expect(body).toContain('This account cannot use the admin panel.')
    expect(body).toContain("Patients sign in on their clinic's website.")
    await page.screenshot({ path: 'test-results/admin-patient-refused.png' })
  })
})

describe('clinic sites', () => {
  it('serves each clinic by host name, plain localhost being Northwind', async () => {
    const page = await browser.newPage()
    for (const [host, name] of [
      ['localhost', 'Northwind Health'],
      ['northwind.localhost', 'Northwind Health'],
      ['sunrise.localhost', 'Sunrise Clinic'],
    ]) {
      await page.goto(`http://${host}:${env.PORT}/`)
      // The clinic's name in the site's header (the home page's heading is the clinic's own words).
      expect(await page.locator('header .brand .name').innerText()).toBe(name)
    }
  })
})

describe('server process', () => {
  it('stops start-up with one clear line when a variable is malformed', async () => {
    const bad = await runScript('serve', { ...env, PORT: 'eighty' })
    expect(bad.code).toBe(1)
    expect(bad.stderr.trim().split('\n').at(-1)).toMatch(/^Invalid environment variable PORT:/)
  })

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)))
    server.child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(server.output()).toContain('database closed')
  })
})
