import type { Migration, Payload } from 'payload'
import { migrations as postgresMigrations } from '../migrations/postgres/index.ts'
import { migrations as sqliteMigrations } from '../migrations/sqlite/index.ts'

type Adapter = {
  name: string
  execute?: (args: { drizzle: unknown; raw: string }) => Promise<{ rows: Record<string, unknown>[] }>
  drizzle?: unknown
}

/**
 * The committed migrations of the adapter in use, oldest first; none on
 * MongoDB, whose collections need no schema (docs/migrations.md).
 */
export function migrationsOf(payload: Payload): Migration[] {
  const { name } = payload.db as unknown as Adapter
  // Payload's generated index types each adapter's own arguments; the adapter in use hands its own.
  return (name === 'postgres' ? postgresMigrations : name === 'sqlite' ? sqliteMigrations : []) as unknown as Migration[]
}

export type MigrationState = {
  /** Committed migrations this database has not run, oldest first. */
  pending: string[]
  /** The development push has set up (part of) this schema: Payload marks that with batch -1. */
  devPushed: boolean
  /** How many committed migrations this database has run. */
  applied: number
}

/**
 * Which committed migrations the database has run (Payload's
 * `payload_migrations` table), read straight from the adapter. An empty
 * database has every migration pending.
 */
export async function migrationState(payload: Payload): Promise<MigrationState> {
  const known = migrationsOf(payload)
  if (!known.length) return { pending: [], devPushed: false, applied: 0 }
  if (!(await hasMigrationsTable(payload))) return { pending: known.map((m) => m.name), devPushed: false, applied: 0 }
  const { docs } = await payload.db.find<{ name: string; batch: number }>({
    collection: 'payload-migrations',
    limit: 0,
    pagination: false,
    where: {},
  })
  const ran = new Set(docs.filter((d) => Number(d.batch) !== -1).map((d) => d.name))
  return {
    pending: known.filter((m) => !ran.has(m.name)).map((m) => m.name),
    devPushed: docs.some((d) => Number(d.batch) === -1),
    applied: known.filter((m) => ran.has(m.name)).length,
  }
}

async function hasMigrationsTable(payload: Payload): Promise<boolean> {
  const db = payload.db as unknown as Adapter
  const raw =
    db.name === 'postgres'
      ? `SELECT to_regclass('payload_migrations') IS NOT NULL AS "exists"`
      : `SELECT count(*) AS "exists" FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'`
  const { rows } = await db.execute!({ drizzle: db.drizzle, raw })
  return Boolean(Number(rows[0]?.exists) || rows[0]?.exists === true)
}

/**
 * Forgets Payload's marker of a development push (batch -1). Payload's migrate
 * asks on the terminal before migrating a database that has it; a deploy step
 * has no one to answer, so `npm run migrate` decides instead (see cms/scripts/migrate.ts).
 */
export async function forgetDevPush(payload: Payload): Promise<void> {
  await payload.db.deleteMany({ collection: 'payload-migrations', where: { batch: { equals: -1 } } })
}
