import type { Payload } from 'payload'
import { and, eq, isNull, lt } from '@payloadcms/db-sqlite/drizzle'

/**
 * How long a job may stay taken before it counts as abandoned: far beyond what
 * any job of the platform takes (a job that needs longer must be split into
 * steps), and short enough that a crash delays a reminder by minutes, not for ever.
 */
export const ABANDONED_AFTER_MS = 15 * 60_000

type Table = Record<string, any>
type Update = { set(values: object): { where(condition: unknown): { returning(fields: object): Promise<{ id: number | string }[]> } } }
type DrizzleAdapter = {
  name: string
  drizzle?: { update(table: Table): Update }
  tables: Record<string, Table>
  tableNameMap: Map<string, string>
}

/**
 * A runner killed mid-job (kill -9, out of memory, a machine lost) leaves its
 * job marked processing, and Payload takes only jobs that are not: the job
 * would never run. Each poll hands such jobs back to the queue, those taken
 * more than ABANDONED_AFTER_MS ago and not completed, in one conditional write
 * (a job another runner has just taken has a fresh `updatedAt` and is left
 * alone). SQLite and PostgreSQL; on MongoDB nothing is handed back.
 * Resolves with the ids handed back.
 */
export async function releaseAbandonedJobs(payload: Payload, now = Date.now()): Promise<(number | string)[]> {
  const db = payload.db as unknown as DrizzleAdapter
  const tableName = db.tableNameMap?.get('payload_jobs')
  if (!db.drizzle || !tableName) return []
  const table = db.tables[tableName]!
  const released = await db.drizzle
    .update(table)
    .set({ processing: false, updatedAt: new Date(now).toISOString() })
    .where(
      and(eq(table.processing, true), isNull(table.completedAt), lt(table.updatedAt, new Date(now - ABANDONED_AFTER_MS).toISOString())),
    )
    .returning({ id: table.id })
  return released.map((row) => row.id)
}
