import type { Payload } from 'payload'
import { releaseAbandonedJobs } from './abandonedJobs.ts'
import { sendDueNotifications } from '../../notifications/send.ts'
import { sweepUnplannedVisits } from '../../notifications/sweep.ts'
import { reconcileOpenCheckouts } from '../../payments/reconcile.ts'

/** How often a runner looks for bookings whose messages were never planned. */
const SWEEP_EVERY_MS = 5 * 60_000

/**
 * The loop that runs the jobs queue: in the server process (unless
 * JOBS_IN_SERVER=false) or in `npm run worker`. Every JOBS_POLL_SECONDS it runs
 * the jobs that are due (queued, or waiting for a retry or their `waitUntil`),
 * all queues, until none is left, then sends the notifications that are due; a
 * job queued in this process wakes it at once.
 *
 * Our own loop rather than Payload's `jobs.autoRun` cron: a cron stopped on
 * shutdown does not wait for the job it is running, and the worker must finish
 * that job before it exits (a job cut off mid-way would stay marked as
 * processing). Payload claims a job by setting it processing before running it,
 * with one conditional write (atomicClaim.ts): any number of loops (every
 * server's, workers') share one database and each job runs once. A job whose
 * runner was killed mid-way is handed back to the queue once it has been
 * processing for ABANDONED_AFTER_MS (abandonedJobs.ts), and runs again.
 */
export type JobRunner = {
  /** Runs every job that is due now, after any run in progress; resolves with how many ran. */
  runDue(): Promise<number>
  /** Looks for jobs now rather than at the next poll (a job was just queued). */
  nudge(): void
  /** Stops looking for jobs and waits for the ones running to finish. */
  stop(): Promise<void>
}

const runners = new WeakMap<Payload, JobRunner>()

/** The runner of this process, if it runs jobs. */
export const jobRunnerOf = (payload: Payload): JobRunner | undefined => runners.get(payload)

/** Jobs taken at a time: they run concurrently, then the loop looks again. */
const BATCH = 10

export function startJobRunner(payload: Payload, { pollSeconds }: { pollSeconds: number }): JobRunner {
  const existing = runners.get(payload)
  if (existing) return existing
  const log = payload.logger.child({ component: 'jobs' })
  let stopped = false
  let lastSweep = 0
  let woken = false
  let wake: (() => void) | undefined
  let previous: Promise<unknown> = Promise.resolve()

  const runBatches = async () => {
    const released = await releaseAbandonedJobs(payload)
    if (released.length)
      log.warn({ jobs: released }, `${released.length} job(s) left processing by a runner that stopped were handed back to the queue`)
    let ran = 0
    while (!stopped && payload.config.jobs.enabled) {
      const result = await payload.jobs.run({ allQueues: true, limit: BATCH })
      const count = Object.keys(result.jobStatus ?? {}).length
      ran += count
      if (count < BATCH) break
    }
    // Bookings whose messages a killed process never planned (notifications/sweep.ts), every few minutes.
    if (!stopped && Date.now() - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = Date.now()
      await sweepUnplannedVisits(payload).catch((err: unknown) => payload.logger.error({ err }, 'could not sweep for unplanned messages'))
      // Checkouts whose webhook never came: settled from the provider's own state (payments/reconcile.ts).
      await reconcileOpenCheckouts(payload).catch((err: unknown) => payload.logger.error({ err }, 'could not reconcile open checkouts'))
    }
    // The platform's own messages (reminders, changes to visits): see notifications/send.ts.
    while (!stopped) {
      const sent = await sendDueNotifications(payload)
      ran += sent
      if (sent === 0) break
    }
    return ran
  }
  // One run at a time: the loop's, and any asked for with runDue.
  const runDue = () => {
    const run = previous.then(runBatches, runBatches)
    previous = run.catch(() => undefined)
    return run
  }
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollSeconds * 1000)
      wake = done
      function done() {
        clearTimeout(timer)
        wake = undefined
        resolve()
      }
    })

  const loop = (async () => {
    while (!stopped) {
      woken = false
      await runDue().catch((err: unknown) => log.error({ err }, 'running the jobs queue failed; trying again at the next poll'))
      if (!stopped && !woken) await pause()
    }
  })()

  const runner: JobRunner = {
    runDue,
    nudge() {
      woken = true
      wake?.()
    },
    async stop() {
      stopped = true
      wake?.()
      await loop
      await previous
      runners.delete(payload)
    },
  }
  runners.set(payload, runner)
  return runner
}
