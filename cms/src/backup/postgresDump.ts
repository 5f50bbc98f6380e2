import { CLUSTER_SCHEMA } from '../cluster/clusterSchema.ts'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import pg from 'pg'
import { BackupError } from './backupError.ts'
import type { SchemaState } from './manifest.ts'

/**
 * The connection for libpq's tools without the password on their command line
 * (where `ps` shows it to every local user): the URL without it, and PGPASSWORD.
 */
function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } }
}

/** Runs a PostgreSQL client tool; a failure is one line (its first error), never the connection string. */
function run(tool: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const { dbname, env } = libpqConnection(url)
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, '--dbname', dbname], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', (error) =>
      reject(new BackupError(`${tool} could not be run (${(error as NodeJS.ErrnoException).code}): install the PostgreSQL client tools`)),
    )
    child.on('exit', (code) => {
      if (code === 0) return resolve()
      const line = stderr.split('\n').find((l) => /error|fatal/i.test(l)) ?? stderr.split('\n')[0] ?? ''
      reject(new BackupError(`${tool} failed (exit ${code}): ${line.replace(/^\S+:\s*/, '').trim()}`))
    })
  })
}

/** `pg_dump -Fc`: one consistent snapshot of the whole database (pg_dump reads in one transaction), compressed. */
export function dumpPostgres(url: string, file: string): Promise<void> {
  // Not the processes' shared state (presence, rate-limit counters, messages in flight: docs/cluster.md):
  // it is only true of the processes running now, and each process makes that schema again at start.
  return run('pg_dump', ['--format=custom', `--exclude-schema=${CLUSTER_SCHEMA}`, '--file', file], url)
}

/**
 * `pg_restore` in one transaction: the database gets all of the backup or, on any
 * error, nothing. `replace` drops what the backup holds first (in the same transaction).
 * Owners and grants are left out, so the backup restores under another role too.
 */
export function restorePostgres(url: string, file: string, { replace }: { replace: boolean }): Promise<void> {
  const args = ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges']
  return run('pg_restore', [...args, ...(replace ? ['--clean', '--if-exists'] : []), file], url)
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
  } catch (error) {
    throw new BackupError(`Cannot connect to the PostgreSQL database of DATABASE_URL: ${(error as Error).message}`)
  }
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** How many tables the database has outside PostgreSQL's own schemas: 0 for an empty one. */
export function postgresTableCount(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    )
    return rows[0].n as number
  })
}

/** Payload's migrations run, and a SHA-256 over every table's columns and types. */
export function postgresSchemaState(url: string): Promise<SchemaState> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT table_schema, table_name, column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3`,
    )
    const hash = createHash('sha256')
    for (const row of rows)
      hash.update(`${row.table_schema}\t${row.table_name}\t${row.column_name}\t${row.data_type}\t${row.is_nullable}\n`)
    const hasMigrations = rows.some((row) => row.table_schema === 'public' && row.table_name === 'payload_migrations')
    const migrations = hasMigrations
      ? (await client.query('SELECT name FROM payload_migrations ORDER BY id')).rows.map((r) => String(r.name))
      : []
    return { migrations, sha256: hash.digest('hex') }
  })
}
