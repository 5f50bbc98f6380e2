/**
 * Memory under a fast client: the compiled server (as `npm run serve` runs it,
 * with its heap limit) on the seeded demo, 50 clients asking for the clinic
 * site's doctor list back to back for LOAD_SECONDS, then IDLE_SECONDS of quiet.
 * Prints RSS and heap before, at their peak and after, sampled from /metrics,
 * and the same run without the heap limit as the baseline.
 */
import { Agent, request } from 'node:http'
import { METRICS_TOKEN, prepareSeededTree, serveFlags, spawnUntilServing, stop } from './support/compiledServer.ts'

const CLIENTS = 50
const LOAD_SECONDS = 20
const IDLE_SECONDS = 5
const HOST = 'northwind.localhost'
const MB = 1024 * 1024

type Sample = { rss: number; heap: number }

async function sample(url: string): Promise<Sample> {
  const text = await (await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text()
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN)
  return { rss: value('process_resident_memory_bytes'), heap: value('nodejs_heap_size_used_bytes') }
}

function get(agent: Agent, url: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { agent, headers: { host: HOST, accept: 'text/html' } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode!))
    })
    req.on('error', reject)
    req.end()
  })
}

async function underLoad(flags: string[], env: Record<string, string>) {
  const { child, url } = await spawnUntilServing([...flags, 'cms/dist/main.js'], env)
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
  // Warm: the site loads after the server listens; the first page waits for it.
  if ((await get(agent, url, '/doctors')) !== 200) throw new Error('the doctor list did not answer 200')
  const before = await sample(url)
  const peak = { ...before }
  let done = 0
  let failed = 0
  const end = performance.now() + LOAD_SECONDS * 1000
  const sampler = setInterval(() => {
    void sample(url).then((s) => {
      peak.rss = Math.max(peak.rss, s.rss)
      peak.heap = Math.max(peak.heap, s.heap)
    })
  }, 250)
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) ((await get(agent, url, '/doctors')) === 200 ? done++ : failed++)
    }),
  )
  clearInterval(sampler)
  agent.destroy()
  await new Promise((quiet) => setTimeout(quiet, IDLE_SECONDS * 1000))
  const after = await sample(url)
  await stop(child)
  return { before, peak, after, perSecond: done / LOAD_SECONDS, failed }
}

export async function benchMemory() {
  const env = await prepareSeededTree()
  const limited = serveFlags()
  const limit = /--max-old-space-size=(\d+)/.exec(limited.join(' '))?.[1]
  const runs = [
    { label: 'without a heap limit (baseline)', flags: ['--conditions=production'] },
    { label: `with npm run serve's flags (heap limit ${limit ?? 'none'} MB)`, flags: limited },
  ]
  const results = []
  for (const run of runs) results.push({ ...run, ...(await underLoad(run.flags, env)) })
  const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`
  for (const r of results) {
    console.log(
      `memory ${r.label}: ${r.perSecond.toFixed(0)} pages/s for ${LOAD_SECONDS} s (${r.failed} failed); RSS ${mb(r.before.rss)} → peak ${mb(r.peak.rss)} (${(r.peak.rss / r.before.rss).toFixed(2)}x) → ${mb(r.after.rss)} after ${IDLE_SECONDS} s idle; heap used ${mb(r.before.heap)} → peak ${mb(r.peak.heap)} → ${mb(r.after.heap)}`,
    )
  }
  const [base, held] = results
  console.log(
    `memory: peak RSS with the limit ${(held!.peak.rss / base!.peak.rss).toFixed(2)}x the baseline's, throughput ${(held!.perSecond / base!.perSecond).toFixed(2)}x`,
  )
}
