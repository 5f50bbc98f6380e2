/**
 * `npm run worker`: runs the jobs queue (plugins' jobs, and the platform's
 * notifications when they are due) in a process of its own, with
 * no HTTP server, against the same database as the server (which then runs
 * with JOBS_IN_SERVER=false and only queues jobs). On SIGTERM or SIGINT it takes
 * no new job, lets the running ones finish, closes the database and exits 0.
 */
import '@telemed/config/check'
import { env as loadEnv } from '@telemed/config'
import { pino } from 'pino'
import { startPayload } from './startPayload.ts'
import { startJobRunner } from '../src/plugins/jobs/runner.ts'
import { startClusterBus } from '../src/cluster/index.ts'
import { relayVisitNews } from '../src/live/hub.ts'

const env = loadEnv()
const logger = pino({ level: env.LOG_LEVEL }).child({ process: 'worker' })

const payload = await startPayload(env)
// Jobs that change visits or clinics tell the server processes (live rooms, clinic-site caches) over the cluster bus.
const bus = await startClusterBus(env.DATABASE_URL, logger)
relayVisitNews()

const jobs = startJobRunner(payload, { pollSeconds: env.JOBS_POLL_SECONDS })
logger.info({ pid: process.pid, pollSeconds: env.JOBS_POLL_SECONDS }, 'worker is running the jobs queue')

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'worker stopping: finishing the running jobs')
    void Promise.resolve(jobs.stop())
      .then(() => bus.close())
      .then(() => payload.destroy())
      .then(() => {
        logger.info('worker stopped; bye')
        process.exit(0)
      })
  })
}
