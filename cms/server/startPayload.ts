import type { Env } from '@telemed/config'
import { pushDevSchema } from '@payloadcms/drizzle'
import { getPayload, type Payload } from 'payload'
import config from '../src/payload.config.ts'
import { installBookingGuard } from '../src/scheduling/bookingGuard.ts'

/**
 * Boots Payload. `npm start` runs with NODE_ENV=production (Next and React want
 * it), which turns off Payload's automatic schema push; outside APP_ENV=production
 * we push the schema ourselves so the embedded demo needs no migrations.
 */
export async function startPayload(env: Env): Promise<Payload> {
  const payload = await getPayload({ config })
  const db = payload.db as { name?: string; push?: boolean }
  if (env.APP_ENV !== 'production' && env.NODE_ENV === 'production' && ['sqlite', 'postgres'].includes(db.name ?? '')) {
    await pushDevSchema(payload.db as never)
    // A push may rebuild the appointments table (SQLite), dropping its triggers.
    await installBookingGuard(payload)
  }
  return payload
}
