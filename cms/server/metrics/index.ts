import { resolve } from 'node:path'
import type { Payload } from 'payload'
import { repoRoot } from '../../src/paths.ts'
import { databaseGauges } from './databaseGauges.ts'
import { metricsEndpoint } from './endpoint.ts'
import { requestDurations } from './requestDurations.ts'
import { routeNamer } from './routeOf.ts'

/**
 * The server's side of `GET /metrics` (docs/metrics.md): the endpoint behind
 * METRICS_TOKEN, the request timer, and the gauges read from this Payload.
 */
export function serverMetrics(payload: Payload, token: string | undefined) {
  databaseGauges(payload)
  return {
    endpoint: metricsEndpoint(token),
    timeRequests: requestDurations(routeNamer(payload, resolve(repoRoot, 'storefront/src/routes'))),
  }
}
