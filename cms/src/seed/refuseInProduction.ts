import { env } from '@telemed/config'

// Demo accounts share a published password: never load them into a production database.
if (env().NODE_ENV === 'production' || env().APP_ENV === 'production') {
  console.error('Refusing to seed demo data: NODE_ENV or APP_ENV is production. Demo accounts have a public password.')
  process.exit(1)
}
