import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })
}

/** Runs an npm script (with `args` after `--`) from the repository root and resolves with its exit code and output. */
export function runScript(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

/**
 * Starts the production server as `npm run serve` does (same flags, no npm or
 * tsx wrapper in between, so signals reach it directly) and waits for /healthz.
 */
export async function startServeProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = Number(env.PORT)
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'cms/server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { child, url, output: () => output }
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill('SIGKILL')
  throw new Error(`server did not become healthy:\n${output}`)
}

/**
 * Starts `npm run worker` as the script does (same flags, no npm or tsx wrapper
 * in between, so SIGTERM reaches it directly), with `imports` loaded first
 * (a test adding its plugin), and waits until it runs the queue.
 */
export async function startWorkerProcess(
  env: Record<string, string>,
  imports: string[] = [],
): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', ...imports.flatMap((m) => ['--import', m]), 'cms/server/worker.ts'],
    { env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const ready = new Promise<void>((resolve, reject) => {
    const read = (d: Buffer) => {
      output += d
      if (output.includes('worker is running the jobs queue')) resolve()
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    void exited.then((code) => reject(new Error(`worker exited early (${code}):\n${output}`)))
  })
  await ready
  return { child, output: () => output, exited }
}
