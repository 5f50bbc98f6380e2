import { EnvError, parseEnv } from '@telemed/config'
import { getPayload } from 'payload'
import { seedDemo } from './seed.ts'

/** `npm run seed`: loads the demo data into the configured database, once. */
if (process.env.NODE_ENV === 'production' || process.env.APP_ENV === 'production') {
  console.error('Refusing to seed demo data: NODE_ENV or APP_ENV is production. Demo accounts have a public password.')
  process.exit(1)
}
try {
  parseEnv()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}
const { default: config } = await import('../payload.config.ts')
const payload = await getPayload({ config })
const created = await seedDemo(payload)
console.log(created ? `Seeded ${created} demo documents.` : 'Demo data already present; nothing to do.')
await payload.db.destroy?.()
process.exit(0)
