import type { Server } from 'node:http'
import type { Payload } from 'payload'
import type { Logger } from 'pino'

/**
 * On SIGTERM: stop accepting connections, let in-flight requests finish (up to
 * `graceMs`), then close the database and exit. Idle keep-alive sockets are
 * closed at once so they do not hold the process open.
 */
export async function stopGracefully({
  server,
  payload,
  logger,
  signal,
  graceMs = 10_000,
}: {
  server: Server
  payload: Payload
  logger: Logger
  signal: string
  graceMs?: number
}) {
  logger.info({ signal }, 'shutting down: finishing in-flight requests')
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  const timeout = setTimeout(() => {
    logger.warn('in-flight requests did not finish in time; closing them')
    server.closeAllConnections()
  }, graceMs)
  await closed
  clearTimeout(timeout)
  await payload.db.destroy?.()
  logger.info('database closed; bye')
  process.exit(0)
}
