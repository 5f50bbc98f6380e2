import type { ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { freshDatabaseUrl } from './database.ts'
import { freePort, runScript, startServeProcess } from './processes.ts'

export type SeededProduct = {
  env: Record<string, string>
  server: { child: ChildProcess; url: string; output: () => string }
  browser: Browser
  /** `http://<clinic>.localhost:<port>`: the clinic's own site, as a patient reaches it. */
  site: (clinic: 'northwind' | 'sunrise') => string
  stop: () => Promise<void>
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Where tests save screenshots for people to look at (CI keeps them as artifacts). */
export const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots')

/** The production server in its own process on freshly seeded demo data (as `npm start`), without a browser. */
export async function startSeededServer(extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'telemed-product-'))
  const port = await freePort()
  const env = {
    DATA_DIR: dir,
    DATABASE_URL: await freshDatabaseUrl(dir),
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    LOG_LEVEL: 'info',
    // Many people sign in from this one machine within a minute.
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    APP_ENV: 'development',
    ...extraEnv,
  }
  // The demo seed refuses NODE_ENV=production; the server then runs as `npm run serve` does (production).
  const seeded = await runScript('seed', { ...env, NODE_ENV: '' })
  if (seeded.code !== 0) throw new Error(`seed failed:\n${seeded.stderr}`)
  return { env, port, server: await startServeProcess(env) }
}

/**
 * The product as `npm start` runs it: seeded demo data, the real server process
 * (Express + Next admin + SvelteKit) and a Chromium to drive it. Needs `npm run build`.
 */
export async function startSeededProduct(extraChromiumArgs: string[] = [], extraEnv: Record<string, string> = {}): Promise<SeededProduct> {
  const { env, port, server } = await startSeededServer(extraEnv)
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraChromiumArgs] })
  mkdirSync(SCREENSHOTS, { recursive: true })
  return {
    env,
    server,
    browser,
    site: (clinic) => `http://${clinic}.localhost:${port}`,
    stop: async () => {
      await browser.close()
      if (server.child.exitCode === null) server.child.kill('SIGKILL')
    },
  }
}

/** Takes a full-page screenshot at a phone and a desktop width. */
export async function screenshotBoth(page: Page, name: string) {
  const size = page.viewportSize()
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 })
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true })
  }
  if (size) await page.setViewportSize(size)
}

/** A session token for the API of the seeded product, as `email` (demo password). */
export async function apiToken(product: SeededProduct, email: string): Promise<string> {
  const login = await fetch(`${product.server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  })
  return ((await login.json()) as { token: string }).token
}

/**
 * A confirmed video visit at Northwind, booked by the clinic's admin, starting
 * `minutes` from now: of Alice Walker with Dr. Ben Chen, unless `who` names
 * another patient (email) and doctor (display name); returns its site path.
 */
export async function bookDemoVisit(
  product: SeededProduct,
  minutes: number,
  who: { patient: string; doctor: string } = { patient: 'alice@demo.test', doctor: 'Dr. Ben Chen' },
): Promise<string> {
  const api = product.server.url
  const token = await apiToken(product, 'admin@northwind.demo.test')
  const find = async (path: string) =>
    ((await (await fetch(`${api}${path}`, { headers: { Authorization: `JWT ${token}` } })).json()) as any).docs[0]
  const alice = await find(`/api/users?where[email][equals]=${encodeURIComponent(who.patient)}`)
  const ben = await find(`/api/doctors?where[displayName][equals]=${encodeURIComponent(who.doctor)}`)
  const start = Math.ceil((Date.now() + minutes * 60_000) / 60_000) * 60_000
  const created = await fetch(`${api}/api/appointments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({
      tenant: ben.tenant,
      patient: alice.id,
      doctor: ben.id,
      start: new Date(start).toISOString(),
      end: new Date(start + 30 * 60_000).toISOString(),
      status: 'confirmed',
      visitType: 'video',
    }),
  })
  const body = (await created.json()) as any
  if (created.status !== 201) throw new Error(JSON.stringify(body))
  return `/visits/${body.doc.id}`
}

/** A new browser window (own cookies) signed in on Northwind's site as `email`, camera and microphone allowed. */
export async function signedInPage(product: SeededProduct, email: string): Promise<Page> {
  const context = await product.browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['camera', 'microphone'] })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  await page.goto(`${product.site('northwind')}/signin`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('demo-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'))
  return page
}
