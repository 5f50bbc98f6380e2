import type { Request, Response } from 'express'
import type { Payload } from 'payload'

/**
 * Liveness plus a database round trip. 503 when the database does not answer
 * within two seconds, so a load balancer takes this process out of rotation.
 */
export function healthz(payload: Payload) {
  return async (_req: Request, res: Response) => {
    const started = Date.now()
    try {
      await Promise.race([
        payload.count({ collection: 'tenants', overrideAccess: true }),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer within 2 s')), 2000).unref()),
      ])
      res.json({ status: 'ok', database: { status: 'up', latencyMs: Date.now() - started } })
    } catch (error) {
      res.status(503).json({ status: 'unavailable', database: { status: 'down', error: (error as Error).message } })
    }
  }
}
