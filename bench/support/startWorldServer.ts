import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** What bench/support/worldServer.ts prints once its world is ready. */
export type WorldSetup = {
  url: string
  clinic: number
  doctor: number
  otherPatient: number
  admin: string
  patients: string[]
  patientIds: number[]
  database: string
  dataDir: string
}

/**
 * Starts bench/support/worldServer.ts with `patients` patients and waits for its
 * description of the world. `nodeOptions` go to its Node (e.g. `--cpu-prof` to
 * see where a booking's time goes).
 */
export async function startWorldServer(patients: number, env: Record<string, string> = {}, nodeOptions: string[] = []) {
  const child = spawn(process.execPath, [...nodeOptions, '--conditions=production', '--import', 'tsx', 'bench/support/worldServer.ts'], {
    env: { ...process.env, ...env, PATIENTS: String(patients) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith('{')) {
      const setup = JSON.parse(line) as WorldSetup
      /** Stops the server and resolves once its process is gone (its database connections closed). */
      const stop = () => (child.exitCode === null && child.signalCode === null ? (child.kill('SIGTERM'), exited) : Promise.resolve())
      return { child, setup, stop }
    }
  }
  throw new Error('the benchmark world server exited before it was ready')
}
