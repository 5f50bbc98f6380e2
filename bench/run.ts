/**
 * `npm run bench`: prints figures; speed targets live here, never in tests.
 * Each benchmark runs in a process of its own, so what one leaves behind in the
 * load generator (heap, sockets) never weighs on the next one's figures.
 */
import { spawnSync } from 'node:child_process'

const BENCHMARKS = ['slots', 'bookingRace', 'storefront', 'processes', 'startup', 'memory', 'reminders'] as const
let failed = false
for (const name of BENCHMARKS) {
  const run = spawnSync(process.execPath, ['--conditions=production', '--import', 'tsx', 'bench/support/runOne.ts', name], {
    stdio: 'inherit',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  })
  if (run.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)
