import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getPayload, type Payload, type Plugin } from 'payload'
import { freshDatabaseUrl } from './database.ts'
import { freePort } from './processes.ts'

/** The repository's root: every process runs from there, as `npm run serve` does. */
const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
/** The reference nginx site of docs/deploy.md: the cluster runs this very file. */
export const NGINX_SITE = join(ROOT, 'docs/deploy/nginx.conf')

export type Cluster = {
  /** nginx in front of all processes (round robin, no stickiness). */
  proxyUrl: string
  /** Each process directly. */
  processUrls: string[]
  databaseUrl: string
  /** A Payload instance in the test process on the same database (to seed and check). */
  payload: Payload
  /** What process `i` has written to stdout and stderr since it was last started. */
  output(i: number): string
  /** The operating system's id of process `i`. */
  pid(i: number): number
  /** Sends `signal` (default SIGKILL) to process `i`; resolves when it has exited. */
  kill(i: number, signal?: NodeJS.Signals): Promise<void>
  /** Starts process `i` again on its port; resolves when its /healthz answers 200. */
  restart(i: number): Promise<void>
  close(): Promise<void>
}

export type ClusterOptions = {
  /** How many server processes. More than one needs PostgreSQL (DATABASE_URL=postgres://…). */
  processes: number
  /** Extra environment of every server process (e.g. JOBS_IN_SERVER). */
  env?: Record<string, string>
  /** Seeds the database through the test process's Payload before the servers start. */
  seed?: (payload: Payload) => Promise<unknown>
  /** Plugins of the test, in the test process's Payload (their schema is pushed there). */
  plugins?: Plugin[]
  /** Modules each server process loads first with `node --import` (e.g. one adding the same plugins). */
  imports?: string[]
}

/**
 * How a server process is started: `npm run serve` without the npm and tsx
 * wrappers (the same node flags), so a signal reaches the server itself and a
 * kill -9 leaves no orphan behind. The one place to change when the server is compiled.
 */
export function serverCommand(imports: string[] = []): { command: string; args: string[]; env: Record<string, string> } {
  return {
    command: process.execPath,
    args: ['--conditions=production', '--import', 'tsx', ...imports.flatMap((m) => ['--import', m]), 'cms/server/main.ts'],
    env: { NODE_ENV: 'production' },
  }
}

/** Polls `url` until it answers 200, failing early when `exited()` says the process is gone. */
async function waitForOk(url: string, what: string, exited: () => boolean, output: () => string, deadlineMs = 180_000) {
  const deadline = Date.now() + deadlineMs
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`${what} exited before answering ${url}:\n${output()}`)
    const ok = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${what} did not answer ${url} with 200 within ${deadlineMs / 1000} s:\n${output()}`)
}

type Member = { port: number; child?: ChildProcess; output: string; exited?: Promise<void> }

/** Every process a cluster started and that still runs: killed when the test process exits, even after a timed-out start. */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})
/** Spawns a child process that is killed with the test process. */
function spawnOwned(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, options)
  running.add(child)
  child.once('exit', () => running.delete(child))
  return child
}

/**
 * Several real server processes on one fresh database, behind nginx with the
 * reference configuration of docs/deploy/nginx.conf, as a deployment runs them.
 * The schema is pushed and `seed` run by a Payload in the test process first.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'telemed-cluster-'))
  const dataDir = join(dir, 'data')
  mkdirSync(dataDir)
  const databaseUrl = await freshDatabaseUrl(dir)
  if (options.processes > 1 && !databaseUrl.startsWith('postgres'))
    throw new Error('a cluster of more than one process needs PostgreSQL (DATABASE_URL=postgres://…)')
  const proxyPort = await freePort()
  const proxyUrl = `http://127.0.0.1:${proxyPort}`
  // What every process shares: database, data folder (uploads), secrets.
  const shared: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: proxyUrl,
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: '1',
  }

  // The test process's Payload gives the database its schema as a deployment does, with the
  // committed migrations (no development push: PAYLOAD_MIGRATING), then seeds.
  Object.assign(process.env, shared, { APP_ENV: 'test', LOG_LEVEL: 'silent', PAYLOAD_MIGRATING: 'true' })
  if (options.plugins?.length) (await import('@telemed/config/plugins')).plugins.push(...options.plugins)
  const [{ default: config }, { migrationsOf }] = await Promise.all([
    import('../../src/payload.config.ts'),
    import('../../src/database/migrations.ts'),
  ])
  const payload = await getPayload({ config })
  delete process.env.PAYLOAD_MIGRATING
  try {
    await payload.db.migrate({ migrations: migrationsOf(payload) })
    await options.seed?.(payload)
  } catch (error) {
    await payload.db.destroy?.()
    throw error
  }

  const members: Member[] = []
  for (let i = 0; i < options.processes; i++) members.push({ port: await freePort(), output: '' })
  const command = serverCommand(options.imports)
  const start = async (member: Member, i: number) => {
    member.output = ''
    // The test process's own variables (a postgres DATABASE_URL, vitest's) stay out: only the deployment's.
    const { DATABASE_URL: _d, TEST_DATABASE_URL: _t, INTERNAL_API_URL: _i, ...base } = process.env
    const child = spawnOwned(command.command, command.args, {
      cwd: ROOT,
      // APP_ENV=production as deployed: every secret required, and the schema migrated (above).
      env: { ...base, ...command.env, ...shared, APP_ENV: 'production', ...options.env, PORT: String(member.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    member.child = child
    member.exited = new Promise((ok) => child.once('exit', () => ok()))
    child.stdout!.on('data', (d) => (member.output += d))
    child.stderr!.on('data', (d) => (member.output += d))
    await waitForOk(
      `http://127.0.0.1:${member.port}/healthz`,
      `server process ${i}`,
      () => child.exitCode !== null || child.signalCode !== null,
      () => member.output,
    )
  }
  const stopAll = async () => {
    for (const m of members) m.child?.kill('SIGKILL')
    await Promise.all(members.map((m) => m.exited))
  }

  let nginx: ChildProcess | undefined
  let nginxExited: Promise<void> | undefined
  try {
    await Promise.all(members.map((m, i) => start(m, i)))
    ;({ nginx, exited: nginxExited } = await startNginx(dir, proxyPort, members.map((m) => m.port)))
    const proxy = nginx
    await waitForOk(
      `${proxyUrl}/healthz`,
      'nginx',
      () => proxy.exitCode !== null,
      () => readFileSync(join(dir, 'nginx', 'error.log'), 'utf8'),
    )
  } catch (error) {
    nginx?.kill('SIGKILL')
    await stopAll()
    await payload.db.destroy?.()
    throw error
  }

  const member = (i: number) => {
    const m = members[i]
    if (!m) throw new Error(`the cluster has no process ${i}`)
    return m
  }
  return {
    proxyUrl,
    processUrls: members.map((m) => `http://127.0.0.1:${m.port}`),
    databaseUrl,
    payload,
    output: (i) => member(i).output,
    pid: (i) => member(i).child!.pid!,
    async kill(i, signal = 'SIGKILL') {
      const m = member(i)
      if (m.child && m.child.exitCode === null && m.child.signalCode === null) m.child.kill(signal)
      await m.exited
    },
    async restart(i) {
      const m = member(i)
      if (m.child && m.child.exitCode === null && m.child.signalCode === null) throw new Error(`process ${i} is still running`)
      await start(m, i)
    },
    async close() {
      nginx?.kill('SIGQUIT')
      await stopAll()
      await nginxExited
      await payload.db.destroy?.()
    },
  }
}

/**
 * nginx as a child process with its own prefix, temporary folders and pid file
 * (no root needed on a high port), serving the reference site with the test's
 * ports: its upstream lists `ports`, it listens on `port` without TLS.
 */
async function startNginx(dir: string, port: number, ports: number[]) {
  const prefix = join(dir, 'nginx')
  mkdirSync(prefix)
  writeFileSync(join(prefix, 'telemed.conf'), siteForTest(readFileSync(NGINX_SITE, 'utf8'), port, ports))
  const temp = (name: string) => `${name}_temp_path ${join(prefix, name)};`
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  # Tests only: which process answered (nginx's address of it).
  add_header X-Cluster-Process $upstream_addr always;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  include ${join(prefix, 'telemed.conf')};
}
`,
  )
  const check = spawnSync('nginx', ['-t', '-q', '-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], {
    encoding: 'utf8',
  })
  if (check.error) throw new Error(`nginx is needed for the cluster tests (apt-get install nginx): ${check.error.message}`)
  if (check.status !== 0) throw new Error(`nginx refused the configuration:\n${check.stderr}`)
  const nginx = spawnOwned('nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log'), '-g', 'daemon off;'], {
    stdio: 'ignore',
  })
  const exited = new Promise<void>((ok) => nginx.once('exit', () => ok()))
  return { nginx, exited }
}

/** The reference site with the test's ports and no TLS; fails when the file no longer has what it replaces. */
export function siteForTest(site: string, port: number, ports: number[]): string {
  const replacements: [RegExp, string][] = [
    // The upstream's servers: the cluster's processes.
    [/^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;\n(\s*server 127\.0\.0\.1:\d+[^;]*;\n)*/m, ports.map((p) => `$1server 127.0.0.1:${p}$2;\n`).join('')],
    // The redirect from plain HTTP: nothing to redirect to without TLS.
    [/\n# Plain HTTP only redirects to HTTPS\.\nserver \{[^}]*\}\n/, '\n'],
    // TLS: the test talks plain HTTP on loopback.
    [/^\s*listen 443 ssl http2;$/m, `    listen 127.0.0.1:${port};`],
    [/^\s*listen \[::\]:443 ssl http2;\n/m, ''],
    [/^\s*ssl_\w+\s[^;]*;\n/gm, ''],
  ]
  return replacements.reduce((text, [pattern, replacement]) => {
    if (!pattern.test(text)) throw new Error(`docs/deploy/nginx.conf no longer matches ${pattern}: update cms/test/support/cluster.ts`)
    pattern.lastIndex = 0
    return text.replace(pattern, replacement)
  }, site)
}
