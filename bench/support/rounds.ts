import { percentile } from './machine.ts'

/** One round of load: how many requests succeeded, how long it lasted, and each request's milliseconds. */
export type Round = { ok: number; seconds: number; latencies: number[] }

/**
 * Sends every request at once and waits for all of them. A request whose
 * connection failed (a reset under heavy load) counts as not successful, with
 * status 0, rather than ending the benchmark: the round's figure shows it.
 */
export async function burst(requests: (() => Promise<{ status: number }>)[], okStatus = 201): Promise<Round> {
  const latencies: number[] = []
  const t0 = performance.now()
  const answers = await Promise.all(
    requests.map(async (send) => {
      const start = performance.now()
      const answer = await send().catch(() => ({ status: 0 }))
      latencies.push(performance.now() - start)
      return answer
    }),
  )
  return { ok: answers.filter((a) => a.status === okStatus).length, seconds: (performance.now() - t0) / 1000, latencies }
}

/** Several measured rounds as one figure: successes per second over their whole time, and latency percentiles. */
export function summary(rounds: Round[]) {
  const ok = rounds.reduce((sum, r) => sum + r.ok, 0)
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0)
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b)
  return {
    ok,
    seconds,
    perSecond: ok / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    byRound: rounds.map((r) => (r.ok / r.seconds).toFixed(0)).join(', '),
  }
}

/** `ok/total in s = n/s (rounds: …), p50 … ms, p95 … ms`. */
export function describeRounds(s: ReturnType<typeof summary>, total: number, unit: string): string {
  return `${s.ok}/${total} in ${s.seconds.toFixed(2)} s = ${s.perSecond.toFixed(0)} ${unit}/s (rounds: ${s.byRound}), p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`
}
