/**
 * Several runners on one database (the server's, and `npm run worker` in its
 * own process, as a deployment that runs jobs in more than one place does):
 * each of many queued jobs runs exactly once. Payload takes a job by setting it
 * processing; that claim is one conditional write
 * (cms/src/plugins/jobs/atomicClaim.ts), so two runners never take the same job.
 */
import { writeFileSync } from 'node:fs'
import { pluginsOf, type PlatformContext } from '@telemed/plugin-sdk'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { contextFor } from '../src/plugins/context.ts'
import { jobLines, jobsTestPlugin, releaseFile } from './support/jobsPlugin.ts'
import { startWorkerProcess } from './support/processes.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import type { World } from './support/world.ts'

const JOBS = 100
let server: TestServer
let world: World
let worker: Awaited<ReturnType<typeof startWorkerProcess>>
let ctx: PlatformContext

beforeAll(async () => {
  ;({ server, world } = await startWorld({ JOBS_POLL_SECONDS: '1' }, { plugins: [jobsTestPlugin] }))
  ctx = contextFor(server.payload, pluginsOf(server.payload.config).find((p) => p.name === 'jobs-test')!)
  worker = await startWorkerProcess({ LOG_LEVEL: 'info', JOBS_POLL_SECONDS: '1' }, ['./cms/test/support/withJobsTestPlugin.ts'])
})
afterAll(async () => {
  if (worker?.child.exitCode === null) worker.child.kill('SIGKILL')
  await server?.close()
})

/** Queues `count` note jobs with keys `<prefix>-<n>` as a plugin does, all at once. */
async function queueNotes(prefix: string, count: number): Promise<string[]> {
  const keys = Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
  await Promise.all(keys.map((key) => ctx.queue('note', { key, clinic: world.alpha.id })))
  return keys
}
/** The keys that did not run exactly once. */
const notOnce = (keys: string[]) => keys.filter((key) => jobLines(key).length !== 1)

it('each of many jobs runs exactly once with the server and a worker taking jobs at the same time', async () => {
  // The jobs wait at a gate, so neither runner can finish them all before the
  // other polls: the gate opens once both hold jobs, and they race for the rest.
  const keys = Array.from({ length: JOBS }, (_, i) => `two-processes-${i}`)
  await Promise.all(keys.map((key) => ctx.queue('slow', { key, gate: 'two-processes' })))
  const runnersHoldingJobs = () => new Set(keys.flatMap((key) => jobLines(key).map((l) => l.pid)))
  await expect.poll(runnersHoldingJobs, { timeout: 25_000, interval: 100 }).toEqual(new Set([process.pid, worker.child.pid]))
  writeFileSync(releaseFile('two-processes'), '')
  const finished = () => keys.filter((key) => jobLines(key).some((l) => l.step === 'finished')).length
  await expect.poll(finished, { timeout: 25_000, interval: 100 }).toBe(JOBS)
  // Each job started once and finished once, in the one process that took it.
  const twice = keys.filter((key) => {
    const [started, finished, ...more] = jobLines(key)
    return started?.step !== 'started' || finished?.step !== 'finished' || started.pid !== finished.pid || more.length > 0
  })
  expect(twice).toEqual([])
})

it('two runs asked for at the same moment in one process split the jobs between them', async () => {
  await server.jobs!.stop()
  const keys = await queueNotes('same-moment', 40)
  const runs = await Promise.all([1, 2, 3].map(() => server.payload.jobs.run({ allQueues: true, limit: 40 })))
  // Each job was taken by one of the three runs; what the worker took it ran once too.
  await expect.poll(() => keys.filter((key) => jobLines(key).length > 0).length, { timeout: 25_000, interval: 100 }).toBe(40)
  expect(notOnce(keys)).toEqual([])
  const taken = runs.map((run) => Object.keys(run.jobStatus ?? {}))
  expect(new Set(taken.flat()).size).toBe(taken.flat().length)
})
