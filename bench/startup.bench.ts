/**
 * Start-up: from spawning the compiled production server (`npm run serve`'s
 * flags) on an existing database to its first 200 on /healthz, next to a bare
 * `node -e` HTTP server started the same way in the same run (what Node itself
 * takes on this machine), and the server run from TypeScript through tsx as
 * `npm run serve` did before it was compiled. Medians of ROUNDS, interleaved.
 */
import { prepareSeededTree, serveFlags, spawnUntilServing, stop } from './support/compiledServer.ts'

const ROUNDS = 3
const BARE = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT))"

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function benchStartup() {
  const env = await prepareSeededTree()
  const times = { bare: [] as number[], compiled: [] as number[], tsx: [] as number[] }
  for (let round = 0; round < ROUNDS; round++) {
    const bare = await spawnUntilServing(['-e', BARE], env, '/')
    times.bare.push(bare.ms)
    await stop(bare.child)
    const compiled = await spawnUntilServing([...serveFlags(), 'cms/dist/main.js'], env)
    times.compiled.push(compiled.ms)
    await stop(compiled.child)
    const tsx = await spawnUntilServing(['--conditions=production', '--import', 'tsx', 'cms/server/main.ts'], env)
    times.tsx.push(tsx.ms)
    await stop(tsx.child)
  }
  const [bare, compiled, tsx] = [median(times.bare), median(times.compiled), median(times.tsx)]
  console.log(`start-up: bare node -e HTTP server ${bare.toFixed(0)} ms to its first 200 (baseline, median of ${ROUNDS})`)
  console.log(
    `start-up: compiled server ${compiled.toFixed(0)} ms to /healthz 200 (${(compiled / bare).toFixed(1)}x baseline; runs ${times.compiled.map((t) => t.toFixed(0)).join(', ')}; target < 3000 ms)`,
  )
  console.log(
    `start-up: the same server from TypeScript through tsx ${tsx.toFixed(0)} ms (${(tsx / bare).toFixed(1)}x baseline, ${(tsx / compiled).toFixed(2)}x compiled)`,
  )
}
