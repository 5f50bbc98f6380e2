import { randomBytes } from 'node:crypto'
import { join } from 'node:path'

/**
 * A database of its own for one test file: a SQLite file in `dir`, or, when the
 * suite runs with DATABASE_URL=postgres://..., a new database on that server.
 * Read from process.env: this decides the DATABASE_URL the platform will parse.
 */
export async function freshDatabaseUrl(dir: string): Promise<string> {
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? ''
  process.env.TEST_DATABASE_URL = base
  if (!base.startsWith('postgres')) return `file:${join(dir, 'test.db')}`
  const { default: pg } = await import('pg')
  // Named after the vitest run (this worker's parent), so another run on the same server leaves it alone.
  const name = `telemed_test_${process.ppid}_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Vitest global setup: on PostgreSQL, drops the databases earlier runs left
 * behind (each test file makes its own and cannot drop it while its pool lives),
 * but not those of a run still going on the same server.
 */
export default async function dropLeftoverTestDatabases(): Promise<void> {
  const base = process.env.DATABASE_URL ?? ''
  if (!base.startsWith('postgres')) return
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'telemed_test_%'")
  for (const { datname } of rows) {
    const run = Number(/^telemed_test_(\d+)_/.exec(datname)?.[1])
    if (run && isRunning(run)) continue
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
  }
  await admin.end()
}
