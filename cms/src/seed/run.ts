/** `npm run seed`: loads the demo data into the configured database, once. */
import '@telemed/config/check'
import './refuseInProduction.ts'
import { getPayload } from 'payload'
import config from '../payload.config.ts'
import { seedDemo } from './seed.ts'

const payload = await getPayload({ config })
const created = await seedDemo(payload)
console.log(created ? `Seeded ${created} demo documents.` : 'Demo data already present; nothing to do.')
await payload.db.destroy?.()
process.exit(0)
