import type { Env } from '@telemed/config'
import { pushDevSchema } from '@payloadcms/drizzle'
import { getPayload, type Payload } from 'payload'
import config from '../src/payload.config.ts'
import { installBookingGuard } from '../src/scheduling/bookingGuard.ts'
import { DatabaseKeyError } from '../src/database/index.ts'

/**
 * Boots Payload. `npm start` runs with NODE_ENV=production (Next and React want
 * it), which turns off Payload's automatic schema push; outside APP_ENV=production
 * we push the schema ourselves so the embedded demo needs no migrations.
 */
export async function startPayload(env: Env): Promise<Payload> {
  const payload = await getPayload({ config }).catch((error: unknown) => {
    // A database that no configured key opens, or still in clear: one line saying what to do, not a stack.
    if (!(error instanceof DatabaseKeyError)) throw error
    console.error(error.message)
    process.exit(1)
  })
  const db = payload.db as { name?: string; push?: boolean }
  if (env.APP_ENV !== 'production' && env.NODE_ENV === 'production' && ['sqlite', 'postgres'].includes(db.name ?? '')) {
    await pushDevSchema(payload.db as never)
    // A push may rebuild the appointments table (SQLite), dropping its triggers.
    await installBookingGuard(payload)
  }
  return payload
}
