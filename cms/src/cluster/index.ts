/**
 * What the server processes of one deployment share: a message bus (PostgreSQL
 * LISTEN/NOTIFY between processes; in-process on SQLite and MongoDB, which run
 * one process) and the schema of the platform's shared tables. See docs/cluster.md.
 */
import type { Logger } from 'pino'
import { clusterBus, type Bus } from './bus.ts'
import { postgresTransport } from './postgresTransport.ts'

export { Bus, clusterBus, type BusMessage } from './bus.ts'
export { CLUSTER_SCHEMA, createIfMissing } from './clusterSchema.ts'

/**
 * Connects the process's bus to the other processes when the database is
 * PostgreSQL; on SQLite and MongoDB it stays in this process. Close it with
 * `bus.close()` on shutdown.
 */
export async function startClusterBus(databaseUrl: string, logger: Pick<Logger, 'info' | 'warn' | 'error'>): Promise<Bus> {
  const bus = clusterBus()
  bus.onError = (error, channel) => logger.error({ err: error, channel }, 'a cluster message could not be handled')
  if (databaseUrl.startsWith('postgres')) await bus.connect(postgresTransport({ connectionString: databaseUrl, logger }))
  return bus
}
