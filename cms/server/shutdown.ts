import type { Server } from 'node:http'
import type { Payload } from 'payload'
import type { Logger } from 'pino'
import type { JobRunner } from '../src/plugins/jobs/runner.ts'

/**
 * On SIGTERM: stop accepting connections and taking jobs, let in-flight
 * requests (up to `graceMs`) and running jobs finish, leave the cluster (live
 * rooms, bus), then close the database and exit. Idle keep-alive sockets are closed at once so they do not hold the
 * process open.
 */
export async function stopGracefully({
  server,
  payload,
  logger,
  signal,
  jobs,
  cluster = [],
  graceMs = 10_000,
}: {
  server: Server
  payload: Payload
  logger: Logger
  signal: string
  /** The server's jobs runner, when it runs the queue (JOBS_IN_SERVER). */
  jobs?: JobRunner
  /** What the process shares with the others, closed in order before the database: its live rooms' places, its bus connection. */
  cluster?: (() => Promise<void>)[]
  graceMs?: number
}) {
  logger.info({ signal }, 'shutting down: finishing in-flight requests')
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  const timeout = setTimeout(() => {
    logger.warn('in-flight requests did not finish in time; closing them')
    server.closeAllConnections()
  }, graceMs)
  await Promise.all([closed, jobs?.stop()])
  clearTimeout(timeout)
  for (const close of cluster) await close().catch((err) => logger.error({ err }, 'could not leave the cluster cleanly'))
  await payload.db.destroy?.()
  logger.info('database closed; bye')
  process.exit(0)
}
