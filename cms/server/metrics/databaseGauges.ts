import { Gauge } from 'prom-client'
import type { CollectionSlug, Payload, Where } from 'payload'
import { metricsRegistry } from '../../src/metrics/registry.ts'

const NAMES = ['telemed_db_pool_clients', 'telemed_db_sqlite_writes_waiting', 'telemed_jobs']

type PgPool = { totalCount: number; idleCount: number; waitingCount: number }
type WriteQueue = { held: boolean; waiting: number }

/**
 * Gauges read from the database at each scrape: the PostgreSQL pool's clients
 * (total, idle, and requests waiting for one), SQLite's write queue (see
 * cms/src/database/sqliteWriteQueue.ts), and the plugins' jobs queue (jobs due
 * or waiting to run, and jobs that used up their retries).
 */
export function databaseGauges(payload: Payload): void {
  // The gauges read this Payload (a test may boot the platform more than once in a process).
  for (const name of NAMES) metricsRegistry.removeSingleMetric(name)
  const db = payload.db as unknown as { name?: string; pool?: PgPool; telemedWriteQueue?: WriteQueue }
  new Gauge({
    name: 'telemed_db_pool_clients',
    help: 'PostgreSQL connection pool of this process: clients open (total), idle, and queries waiting for a client (waiting).',
    labelNames: ['state'] as const,
    registers: [metricsRegistry],
    collect() {
      const pool = db.pool
      if (!pool) return
      this.set({ state: 'total' }, pool.totalCount)
      this.set({ state: 'idle' }, pool.idleCount)
      this.set({ state: 'waiting' }, pool.waitingCount)
    },
  })
  new Gauge({
    name: 'telemed_db_sqlite_writes_waiting',
    help: 'SQLite: writes of this process waiting for the one writer connection.',
    registers: [metricsRegistry],
    collect() {
      if (db.telemedWriteQueue) this.set(db.telemedWriteQueue.waiting)
    },
  })
  if (!payload.config.jobs.enabled) return
  new Gauge({
    name: 'telemed_jobs',
    help: "Plugins' jobs in the database: queued (not done, not failed for good) and failed (retries used up).",
    labelNames: ['state'] as const,
    registers: [metricsRegistry],
    async collect() {
      // Payload's jobs collection exists only when a plugin declares jobs: the generated slugs lack it.
      const count = (where: Where) =>
        payload.count({ collection: 'payload-jobs' as CollectionSlug, where, overrideAccess: true }).then((r) => r.totalDocs)
      const [queued, failed] = await Promise.all([
        count({ and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] }),
        count({ hasError: { equals: true } }),
      ])
      this.set({ state: 'queued' }, queued)
      this.set({ state: 'failed' }, failed)
    },
  })
}
