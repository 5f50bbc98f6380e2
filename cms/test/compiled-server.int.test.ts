/**
 * The production server and worker as `npm run build:server` compiles them: plain
 * `node` on JavaScript (no TypeScript loader), serving the API at once and the
 * clinic sites and the admin panel once loaded, stopping cleanly on SIGTERM, and
 * refusing a malformed variable with one line.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../scripts/buildServer.ts'
import { freshDatabaseUrl } from './support/database.ts'
import { freePort, runScript } from './support/processes.ts'

// Inside the repository, as cms/dist is: the compiled files import npm packages from its node_modules.
const outdir = mkdtempSync(resolve('cms/.compiled-test-'))
const dataDir = mkdtempSync(join(tmpdir(), 'telemed-compiled-'))
let env: Record<string, string>
const children: ChildProcess[] = []
let server: ReturnType<typeof run>
let worker: ReturnType<typeof run>

/** `node` on a compiled entry with the scripts' flags and nothing else: no tsx loader in NODE_OPTIONS. */
function run(entry: 'main' | 'worker', extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--conditions=production', join(outdir, `${entry}.js`)], {
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', ...env, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)))
  return { child, output: () => output, exited }
}

beforeAll(async () => {
  await buildServer(outdir)
  const port = await freePort()
  env = {
    DATA_DIR: dataDir,
    DATABASE_URL: await freshDatabaseUrl(dataDir),
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    APP_ENV: 'development',
    LOG_LEVEL: 'info',
  }
  // An existing database, as `npm start` leaves it before `npm run serve`.
  const seeded = await runScript('seed', { ...env, NODE_ENV: '' })
  if (seeded.code !== 0) throw new Error(`seed failed:\n${seeded.stderr}`)
})
// Each process started in a hook of its own, where the hook's time allows a busy machine's slow start.
beforeAll(async () => {
  server = run('main')
  await waitFor(async () => (await get('/healthz'))?.status === 200, server)
})
beforeAll(async () => {
  worker = run('worker')
  await waitFor(async () => /the worker idles|worker is running the jobs queue/.test(worker.output()), worker)
})
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(outdir, { recursive: true, force: true })
})

const get = (path: string) => fetch(`http://127.0.0.1:${env.PORT}${path}`).catch(() => null)

/** Polls `ready` until it holds; fails with the process's output if the process exits first. */
async function waitFor(ready: () => Promise<boolean>, process: ReturnType<typeof run>) {
  while (!(await ready())) {
    if (process.child.exitCode !== null) throw new Error(`exited with ${process.child.exitCode}:\n${process.output()}`)
    await new Promise((tick) => setTimeout(tick, 50))
  }
}

describe('the compiled server', () => {
  it('refuses a malformed variable with one line naming it', async () => {
    const bad = run('main', { PORT: 'eighty' })
    expect(await bad.exited).toBe(1)
    expect(bad.output().trim().split('\n').at(-1)).toMatch(/^Invalid environment variable PORT:/)
  })

  it('serves health, the API, the clinic sites and the admin panel, then stops on SIGTERM', async () => {
    const clinics = await get('/api/tenants?limit=1')
    expect(clinics?.status).toBe(200)
    expect(await clinics!.json()).toHaveProperty('docs')
    // Requests that arrive while the site and the admin panel load wait for them.
    const [signin, admin] = await Promise.all([get('/c/northwind/signin'), get('/admin/login')])
    expect(signin?.status).toBe(200)
    expect(await signin!.text()).toContain('Northwind')
    expect(admin?.status).toBe(200)
    expect(await admin!.text()).toContain('Telemed admin')

    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(server.output()).toContain('database closed')
  })

  it('runs the worker, which stops on SIGTERM', async () => {
    worker.child.kill('SIGTERM')
    expect(await worker.exited).toBe(0)
  })
})
