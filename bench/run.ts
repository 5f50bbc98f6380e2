/** `npm run bench`: prints figures; speed targets live here, never in tests. */
import { benchBookingRace } from './bookingRace.bench.ts'
import { benchSlots } from './slots.bench.ts'
import { benchStorefront } from './storefront.bench.ts'

process.env.LOG_LEVEL = 'silent'
benchSlots()
const label = (process.env.DATABASE_URL ?? '').startsWith('postgres') ? 'PostgreSQL' : 'SQLite'
const doubles = await benchBookingRace(label)
await benchStorefront()
process.exit(doubles === 0 ? 0 : 1)
