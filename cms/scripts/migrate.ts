/**
 * `npm run migrate`: applies the committed migrations that DATABASE_URL has not
 * run yet, each in its own transaction, and exits 0 (nothing pending is fine).
 * A deploy step, run once before the new server processes start
 * (docs/migrations.md). It never asks anything on the terminal. On PostgreSQL,
 * two runs at once (two deploy jobs) take turns: the second waits for the first,
 * then finds nothing pending.
 */
import '@telemed/config/check'
import { getPayload } from 'payload'
import config from '../src/payload.config.ts'
import { forgetDevPush, migrationState, migrationsOf } from '../src/database/migrations.ts'

// Payload's own switch: no development schema push while migrating (as its `payload migrate` does).
process.env.PAYLOAD_MIGRATING = 'true'
// No onInit: the platform's start-up work (write queue, booking guard on a pushed schema) is not a migration's.
const payload = await getPayload({ config, disableOnInit: true })
const done = async (code: number, line: string) => {
  ;(code ? console.error : console.log)(line)
  await payload.db.destroy?.()
  process.exit(code)
}

if (!migrationsOf(payload).length) await done(0, `The ${payload.db.name} adapter needs no migrations.`)
await oneMigrationAtATime()
const state = await migrationState(payload)
if (state.devPushed && state.applied === 0) {
  await done(
    1,
    'DATABASE_URL holds a schema made by the development push (npm run dev, seed or tests), not by migrations: ' +
      'migrations cannot take it over. Migrate an empty database and move the data into it (docs/migrations.md).',
  )
}
if (state.devPushed) {
  // A development push ran on this migrated database (the demo seed on a staging copy): forget its marker
  // rather than have Payload ask on a terminal there is none of. A push that ran ahead of the migrations
  // makes the next migration fail and roll back, leaving the database as it was.
  await forgetDevPush(payload)
}
if (!state.pending.length) await done(0, 'No pending migrations: the database is up to date.')
await payload.db.migrate({ migrations: migrationsOf(payload) })
await done(0, `Applied ${state.pending.length} migration(s): ${state.pending.join(', ')}.`)

/**
 * PostgreSQL: an advisory lock, held on a pool connection of its own until the
 * process ends, so a second run reads what is pending only once the first has
 * finished. (SQLite is one file on one machine: its deploy runs one migrate.)
 */
async function oneMigrationAtATime() {
  const pool = (payload.db as unknown as { pool?: { connect: () => Promise<{ query: (sql: string) => Promise<unknown> }> } }).pool
  if (payload.db.name !== 'postgres' || !pool) return
  const connection = await pool.connect()
  await connection.query("SELECT pg_advisory_lock(hashtext('telemed.migrate'))")
}
