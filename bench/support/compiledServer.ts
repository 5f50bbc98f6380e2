/**
 * The production server as `npm run serve` runs it (compiled, `node` with the
 * script's flags) on a seeded demo database, for the start-up and memory
 * benchmarks. Compiles into cms/dist first, so the figures are of this tree.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildServer } from '../../cms/scripts/buildServer.ts'
import { freshDatabaseUrl } from '../../cms/test/support/database.ts'
import { freePort, runScript } from '../../cms/test/support/processes.ts'

export const METRICS_TOKEN = 'bench-metrics-token-bench-metrics-token-0123'

/** The node flags of `npm run serve` (package.json), so the benchmark runs what operators run. */
export function serveFlags(): string[] {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts
  const serve = scripts.serve!
  const flags = [...serve.matchAll(/(?:^|\s)(--[a-z-]+(?:=\S+)?)/g)].map((m) => m[1]!).filter((f) => !f.startsWith('--conditions'))
  return ['--conditions=production', ...flags]
}

/** Compiles the server and seeds a demo database; resolves with the environment to start servers on it. */
export async function prepareSeededTree(): Promise<Record<string, string>> {
  await buildServer()
  const dir = mkdtempSync(join(tmpdir(), 'telemed-bench-'))
  const env = {
    DATA_DIR: dir,
    DATABASE_URL: await freshDatabaseUrl(dir),
    APP_ENV: 'development',
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    METRICS_TOKEN,
  }
  const seeded = await runScript('seed', { ...env, NODE_ENV: '' })
  if (seeded.code !== 0) throw new Error(`seed failed:\n${seeded.stderr}`)
  return env
}

/** Spawns `args` and resolves once GET `url`/healthz (or `/`) answers 200, with the milliseconds it took from the spawn. */
export async function spawnUntilServing(
  args: string[],
  env: Record<string, string>,
  path = '/healthz',
): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const t0 = performance.now()
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', ...env, PORT: String(port), PUBLIC_URL: `http://localhost:${port}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`)
    const ok = await fetch(`${url}${path}`).then((r) => r.status === 200, () => false)
    if (ok) return { child, url, ms: performance.now() - t0 }
    await new Promise((tick) => setTimeout(tick, 10))
  }
}

/** SIGTERM, then waits for the exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((ok) => child.once('exit', ok))
  child.kill('SIGTERM')
  await exited
}
