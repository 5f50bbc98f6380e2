import { randomBytes } from 'node:crypto'
import { join } from 'node:path'

/**
 * A database of its own for one test file: a SQLite file in `dir`, or, when the
 * suite runs with DATABASE_URL=postgres://..., a new database on that server.
 */
export async function freshDatabaseUrl(dir: string): Promise<string> {
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? ''
  process.env.TEST_DATABASE_URL = base
  if (!base.startsWith('postgres')) return `file:${join(dir, 'test.db')}`
  const { default: pg } = await import('pg')
  const name = `telemed_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * Vitest global setup: on PostgreSQL, drops the databases earlier runs left
 * behind (each test file makes its own and cannot drop it while its pool lives).
 */
export default async function dropLeftoverTestDatabases(): Promise<void> {
  const base = process.env.DATABASE_URL ?? ''
  if (!base.startsWith('postgres')) return
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'telemed_test_%'")
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
  await admin.end()
}
