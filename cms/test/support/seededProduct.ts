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
export async function startSeededProduct(extraChromiumArgs: string[] = []): Promise<SeededProduct> {
  const { env, port, server } = await startSeededServer()
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
