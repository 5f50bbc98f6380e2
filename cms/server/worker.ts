/**
 * `npm run worker`: runs the plugins' jobs queue in a process of its own, with
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

// With no plugin declaring jobs there is no queue: the worker idles (a supervisor would restart one that exits).
const jobs = payload.config.jobs.enabled ? startJobRunner(payload, { pollSeconds: env.JOBS_POLL_SECONDS }) : null
const idle = jobs ? null : setInterval(() => undefined, 60 * 60 * 1000)
logger.info(
  { pid: process.pid, pollSeconds: env.JOBS_POLL_SECONDS },
  jobs ? 'worker is running the jobs queue' : 'no plugin declares jobs: the worker idles',
)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'worker stopping: finishing the running jobs')
    if (idle) clearInterval(idle)
    void Promise.resolve(jobs?.stop())
      .then(() => bus.close())
      .then(() => payload.destroy())
      .then(() => {
        logger.info('worker stopped; bye')
        process.exit(0)
      })
  })
}
