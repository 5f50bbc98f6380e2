/**
 * The jobs queue plugins use: a job queued with `ctx.queue` runs in the server
 * (or in `npm run worker`), with the plugin's context; a failing job is retried
 * with a growing wait, a job with `waitUntil` waits for its time, and the queue
 * is closed to everyone but platform admins. A job that completes leaves the
 * queue (Payload's deleteJobOnComplete); one that failed for good stays, with
 * its error, for platform admins to see. Time is moved with Payload's own
 * clock for its job system and the runner is called directly, so nothing here
 * waits for a retry's real 30 seconds.
 */
import { writeFileSync } from 'node:fs'
import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals, createLocalReq, type CollectionSlug, type Payload } from 'payload'
import { pluginsOf, type PlatformContext, type TelemedPlugin } from '@telemed/plugin-sdk'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { contextFor } from '../src/plugins/context.ts'
import { ABANDONED_AFTER_MS } from '../src/plugins/jobs/abandonedJobs.ts'
import { jobLines, jobsTestPlugin, releaseFile } from './support/jobsPlugin.ts'
import { client, type Client } from './support/http.ts'
import { startWorkerProcess } from './support/processes.ts'
import { sessionFor } from './support/sessions.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import type { World } from './support/world.ts'

let server: TestServer
let world: World
let plugin: TelemedPlugin
let ctx: PlatformContext

beforeAll(async () => {
  ;({ server, world } = await startWorld({}, { plugins: [jobsTestPlugin] }))
  plugin = pluginsOf(server.payload.config).find((p) => p.name === 'jobs-test')!
  ctx = contextFor(server.payload, plugin)
})
afterEach(() => _internal_resetJobSystemGlobals())
afterAll(() => server?.close())

type JobDoc = {
  id: number | string
  taskSlug: string
  input: Record<string, unknown>
  totalTried: number
  hasError: boolean
  processing: boolean
  completedAt?: string | null
  waitUntil?: string | null
  error?: { message?: string } | null
  log?: { state: 'failed' | 'succeeded'; completedAt: string }[]
}

/** Payload's jobs collection: it exists only when a plugin declares jobs, so the generated types (made without plugins) lack it. */
const JOBS = 'payload-jobs' as unknown as CollectionSlug

/** The jobs whose input has this key, as the jobs collection holds them. */
async function jobsOf(payload: Payload, key: string): Promise<JobDoc[]> {
  const { docs } = await payload.find({ collection: JOBS, pagination: false, depth: 0, overrideAccess: true })
  return (docs as unknown as JobDoc[]).filter((job) => job.input.key === key)
}
async function jobOf(payload: Payload, key: string): Promise<JobDoc> {
  const jobs = await jobsOf(payload, key)
  expect(jobs).toHaveLength(1)
  return jobs[0]!
}
/** Moves the job system's clock (queue, retries, waitUntil) to `ms` from now. */
const clockAhead = (ms: number) => {
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(Date.now() + ms)
}
const SECOND = 1000
/** How long a condition is waited for: a busy machine, not a schedule. */
const WAIT = { timeout: 15 * SECOND }

describe('a job queued by a plugin', () => {
  it('runs in the server at once, with the plugin context, and leaves the queue', async () => {
    await ctx.queue('note', { key: 'first', clinic: world.alpha.id })
    await expect.poll(() => jobLines('first'), WAIT).toEqual([{ job: 'note', key: 'first', clinic: 'alpha', pid: process.pid }])
    await expect.poll(() => jobsOf(server.payload, 'first'), WAIT).toEqual([])
  })

  it('is refused, saying which jobs there are, when the plugin declares no job by that name', async () => {
    const before = (await server.payload.count({ collection: JOBS, overrideAccess: true })).totalDocs
    await expect(ctx.queue('send-everything', { key: 'x' })).rejects.toThrow(
      'The plugin jobs-test has no job "send-everything": it declares "note", "flaky", "broken", "slow".',
    )
    await expect(ctx.queue('note', { key: 'x' }, { waitUntil: new Date('not a date') })).rejects.toThrow(
      /waitUntil .* must be a valid Date/,
    )
    expect((await server.payload.count({ collection: JOBS, overrideAccess: true })).totalDocs).toBe(before)
  })

  it('waits for its waitUntil, and runs once that time has come', async () => {
    const later = new Date(Date.now() + 10 * 60 * SECOND)
    await ctx.queue('note', { key: 'later', clinic: world.beta.id }, { waitUntil: later })
    await server.jobs!.runDue()
    expect(jobLines('later')).toEqual([])
    expect(await jobOf(server.payload, 'later')).toMatchObject({
      taskSlug: 'jobs-test.note',
      input: { key: 'later', clinic: world.beta.id },
      waitUntil: later.toISOString(),
      totalTried: 0,
      processing: false,
      completedAt: null,
    })

    clockAhead(10 * 60 * SECOND + SECOND)
    await server.jobs!.runDue()
    expect(jobLines('later')).toEqual([{ job: 'note', key: 'later', clinic: 'beta', pid: process.pid }])
    expect(await jobsOf(server.payload, 'later')).toEqual([])
  })

  it('is retried when it throws, 30 s then 60 s later by default, and completes', async () => {
    await ctx.queue('flaky', { key: 'flaky' })
    await expect.poll(async () => (await jobOf(server.payload, 'flaky')).totalTried, WAIT).toBe(1)
    const first = await jobOf(server.payload, 'flaky')
    const waited = (job: JobDoc) => new Date(job.waitUntil!).getTime() - new Date(job.log!.at(-1)!.completedAt).getTime()
    expect(first).toMatchObject({ hasError: false, completedAt: null })
    expect(waited(first)).toBeGreaterThanOrEqual(30 * SECOND)
    expect(waited(first)).toBeLessThan(31 * SECOND)

    // Not before its time.
    await server.jobs!.runDue()
    expect(jobLines('flaky')).toHaveLength(1)

    clockAhead(31 * SECOND)
    await server.jobs!.runDue()
    const second = await jobOf(server.payload, 'flaky')
    expect(second.totalTried).toBe(2)
    expect(waited(second)).toBeGreaterThanOrEqual(60 * SECOND)
    expect(waited(second)).toBeLessThan(61 * SECOND)

    expect(second.log!.map((l) => l.state)).toEqual(['failed', 'failed'])

    clockAhead(31 * SECOND + 61 * SECOND)
    await server.jobs!.runDue()
    expect(jobLines('flaky').map((l) => l.attempt)).toEqual([1, 2, 3])
    expect(await jobsOf(server.payload, 'flaky')).toEqual([])
  })

  it('gives up after its retries, keeping for platform admins which job failed and how, but not its message', async () => {
    await ctx.queue('broken', { key: 'broken' })
    await expect.poll(async () => (await jobOf(server.payload, 'broken')).totalTried, WAIT).toBe(1)
    await server.jobs!.runDue()
    const job = await jobOf(server.payload, 'broken')
    expect(job).toMatchObject({
      hasError: true,
      totalTried: 2,
      completedAt: null,
      error: { message: "jobs-test.broken failed with Error (its message is not kept: see the plugin's own log lines)" },
    })
    await server.jobs!.runDue()
    expect(jobLines('broken')).toHaveLength(2)
  })
})

describe('a job whose runner was killed mid-run', () => {
  it('goes back to the queue once taken for longer than any job takes, and runs; a job taken a minute ago is left alone', async () => {
    // Queued for later (so no runner takes them now), then marked as a killed runner leaves a job: taken, not completed.
    const later = new Date(Date.now() + 3_600_000)
    await ctx.queue('note', { key: 'abandoned', clinic: world.alpha.id }, { waitUntil: later })
    await ctx.queue('note', { key: 'running', clinic: world.alpha.id }, { waitUntil: later })
    const takenAt = { abandoned: Date.now() - ABANDONED_AFTER_MS - 60_000, running: Date.now() - 60_000 }
    for (const [key, at] of Object.entries(takenAt)) {
      const job = await jobOf(server.payload, key)
      await server.payload.db.updateOne({
        collection: JOBS,
        id: job.id,
        data: { processing: true, waitUntil: null, updatedAt: new Date(at).toISOString() },
        req: {} as never,
      })
    }
    await server.jobs!.runDue()
    expect(jobLines('abandoned')).toEqual([{ job: 'note', key: 'abandoned', clinic: 'alpha', pid: process.pid }])
    expect(await jobsOf(server.payload, 'abandoned')).toEqual([])
    expect(jobLines('running')).toEqual([])
    const running = await jobOf(server.payload, 'running')
    expect(running).toMatchObject({ processing: true })
    await server.payload.db.deleteOne({ collection: JOBS, where: { id: { equals: running.id } }, req: {} as never })
  })
})

describe('the jobs endpoints and collection', () => {
  let as: Record<'anonymous' | 'patient' | 'doctor' | 'clinicAdmin' | 'platformAdmin', Client>
  beforeAll(async () => {
    const session = (id: number | string) => sessionFor(server.payload, server.url, id)
    as = {
      anonymous: client(server.url),
      patient: await session(world.alpha.patient.id),
      doctor: await session(world.alpha.doctorUser.id),
      clinicAdmin: await session(world.alpha.admin.id),
      platformAdmin: await session(world.platformAdmin.id),
    }
  })

  it('are closed to everyone but platform admins', async () => {
    const { id } = await jobOf(server.payload, 'broken')
    for (const who of [as.anonymous, as.patient, as.doctor, as.clinicAdmin]) {
      expect((await who.request('GET', '/api/payload-jobs')).status).toBe(403)
      expect((await who.request('GET', `/api/payload-jobs/${id}`)).status).toBe(403)
      expect((await who.request('GET', '/api/payload-jobs/run')).status).toBe(401)
      expect((await who.request('GET', '/api/payload-jobs/handle-schedules')).status).toBe(401)
    }
    const list = await as.platformAdmin.request('GET', '/api/payload-jobs?limit=100')
    expect(list.status).toBe(200)
    expect(list.body.docs).toMatchObject([{ taskSlug: 'jobs-test.broken', input: { key: 'broken' }, hasError: true }])
    expect((await as.platformAdmin.request('GET', '/api/payload-jobs/run')).status).toBe(200)
  })

  it('take no job queued, changed or deleted over HTTP, even from a platform admin', async () => {
    const before = await jobOf(server.payload, 'broken')
    for (const who of Object.values(as)) {
      expect([401, 403]).toContain(
        (await who.request('POST', '/api/payload-jobs', { taskSlug: 'jobs-test.note', input: { key: 'http' } })).status,
      )
      expect([401, 403]).toContain((await who.request('PATCH', `/api/payload-jobs/${before.id}`, { completedAt: null })).status)
      expect([401, 403]).toContain((await who.request('DELETE', `/api/payload-jobs/${before.id}`)).status)
    }
    expect(await jobOf(server.payload, 'broken')).toEqual(before)
    expect(await jobsOf(server.payload, 'http')).toEqual([])
  })

  it("refuse a queue through Payload's local API in the name of anyone but a platform admin", async () => {
    for (const id of [world.alpha.patient.id, world.alpha.admin.id]) {
      const user = await server.payload.findByID({ collection: 'users', id, depth: 0 })
      const req = await createLocalReq({ user: { ...user, collection: 'users' } }, server.payload)
      await expect(
        server.payload.jobs.queue({ task: 'jobs-test.note', input: { key: 'local' }, overrideAccess: false, req } as never),
      ).rejects.toThrow(/not allowed/)
    }
    expect(await jobsOf(server.payload, 'local')).toEqual([])
  })
})

describe('npm run worker', () => {
  let worker: Awaited<ReturnType<typeof startWorkerProcess>>
  beforeAll(async () => {
    // As with JOBS_IN_SERVER=false: the server only queues, the worker runs.
    await server.jobs!.stop()
    worker = await startWorkerProcess({ LOG_LEVEL: 'info', JOBS_POLL_SECONDS: '1' }, ['./cms/test/support/withJobsTestPlugin.ts'])
  })
  afterAll(() => {
    if (worker?.child.exitCode === null) worker.child.kill('SIGKILL')
  })

  it('runs the jobs the server queues, in its own process', async () => {
    await ctx.queue('note', { key: 'by-worker', clinic: world.alpha.id })
    await expect
      .poll(() => jobLines('by-worker'), WAIT)
      .toEqual([{ job: 'note', key: 'by-worker', clinic: 'alpha', pid: worker.child.pid }])
    await expect.poll(() => jobsOf(server.payload, 'by-worker'), WAIT).toEqual([])
  })

  it('on SIGTERM, takes no new job, finishes the running one, then exits cleanly', async () => {
    await ctx.queue('slow', { key: 'slow' })
    await expect.poll(() => jobLines('slow').map((l) => l.step), WAIT).toEqual(['started'])
    worker.child.kill('SIGTERM')
    await expect.poll(() => worker.output(), WAIT).toContain('worker stopping')
    await ctx.queue('note', { key: 'after-sigterm', clinic: world.alpha.id })
    writeFileSync(releaseFile('slow'), '')
    expect(await worker.exited).toBe(0)
    expect(jobLines('slow').map((l) => [l.step, l.pid])).toEqual([
      ['started', worker.child.pid],
      ['finished', worker.child.pid],
    ])
    expect(await jobsOf(server.payload, 'slow')).toEqual([])
    expect(jobLines('after-sigterm')).toEqual([])
    expect(await jobsOf(server.payload, 'after-sigterm')).toMatchObject([{ totalTried: 0, processing: false }])
    expect(worker.output()).toContain('worker stopped')
  })
})
