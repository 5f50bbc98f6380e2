import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client'

/**
 * The process's Prometheus metrics, served at `GET /metrics` (cms/server/metrics/,
 * docs/metrics.md). Labels hold only what the platform's code names (routes,
 * outcomes, job kinds), never an id, a path as sent, or anything about a person.
 */
export const metricsRegistry = new Registry()
collectDefaultMetrics({ register: metricsRegistry })

/** Open live-channel sockets (`/live`) of this process. */
export const liveSockets = new Gauge({
  name: 'telemed_live_sockets',
  help: 'WebSocket connections open on the live channel of this process.',
  registers: [metricsRegistry],
})

/** Plugins' job runs that threw, by job kind (`<plugin>.<slug>`); each retry that fails counts again. */
export const jobFailures = new Counter({
  name: 'telemed_job_failures_total',
  help: 'Job runs that failed, by task (a failed run is retried with backoff until its retries are used up).',
  labelNames: ['task'] as const,
  registers: [metricsRegistry],
})
