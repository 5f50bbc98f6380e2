import type { Env } from '@telemed/config'
import { pushDevSchema } from '@payloadcms/drizzle'
import { getPayload, type Payload } from 'payload'
import config from '../src/payload.config.ts'
import { migrationState } from '../src/database/migrations.ts'
import { installBookingGuard } from '../src/scheduling/bookingGuard.ts'
import { DatabaseKeyError } from '../src/database/index.ts'

/**
 * Boots Payload. `npm start` runs with NODE_ENV=production (Next and React want
 * it), which turns off Payload's automatic schema push; outside APP_ENV=production
 * we push the schema ourselves so the embedded demo needs no migrations.
 *
 * In production the schema comes from migrations, applied by `npm run migrate`
 * as a deploy step before the processes start: a process never migrates (several
 * start at once behind the load balancer), and refuses to start on a database
 * that lacks some (docs/migrations.md).
 */
export async function startPayload(env: Env): Promise<Payload> {
  const payload = await getPayload({ config }).catch((error: unknown) => {
    // A database that no configured key opens, or still in clear: one line saying what to do, not a stack.
    if (!(error instanceof DatabaseKeyError)) throw error
    console.error(error.message)
    process.exit(1)
  })
  const db = payload.db as { name?: string; push?: boolean }
  if (env.APP_ENV === 'production') {
    await refuseWhileMigrationsPending(payload)
  } else if (env.NODE_ENV === 'production' && ['sqlite', 'postgres'].includes(db.name ?? '')) {
    await pushDevSchema(payload.db as never)
    // A push may rebuild the appointments table (SQLite), dropping its triggers.
    await installBookingGuard(payload)
  }
  return payload
}

/** One line naming what is missing, and a non-zero exit: the load balancer keeps the processes that do run. */
async function refuseWhileMigrationsPending(payload: Payload): Promise<void> {
  const { pending } = await migrationState(payload)
  if (!pending.length) return
  console.error(
    `Refusing to start: the database lacks ${pending.length} migration(s) (${pending.join(', ')}). ` +
      'Run `npm run migrate` with this DATABASE_URL first, then start the servers.',
  )
  await payload.db.destroy?.()
  process.exit(1)
}
