/** Runs one benchmark (see bench/run.ts); exits non-zero when it found a double booking or failed. */
import { benchBookingRace } from '../bookingRace.bench.ts'
import { benchProcesses } from '../processes.bench.ts'
import { benchSlots } from '../slots.bench.ts'
import { benchStartup } from '../startup.bench.ts'
import { benchMemory } from '../memory.bench.ts'
import { benchStorefront } from '../storefront.bench.ts'
import { benchReminders } from '../reminders.bench.ts'
import { machineLine } from './machine.ts'

// Only the label: the benchmark's servers parse the environment themselves (config/src/env.ts).
const label = (process.env.DATABASE_URL ?? '').startsWith('postgres') ? 'PostgreSQL' : 'SQLite'
const benchmarks: Record<string, () => Promise<boolean>> = {
  slots: async () => (benchSlots(), true),
  bookingRace: async () => (await benchBookingRace(label)) === 0,
  storefront: async () => (await benchStorefront(), true),
  processes: benchProcesses,
  startup: async () => (await benchStartup(), true),
  memory: async () => (await benchMemory(), true),
  reminders: benchReminders,
}
const run = benchmarks[process.argv[2] ?? '']
if (!run) throw new Error(`no benchmark named ${process.argv[2]}: one of ${Object.keys(benchmarks).join(', ')}`)
console.log(`${process.argv[2]}: ${machineLine()}`)
process.exit((await run()) ? 0 : 1)
