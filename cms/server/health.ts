import type { Request, Response } from 'express'
import type { Payload } from 'payload'
import type { Env } from '@telemed/config'
import { migrationState } from '../src/database/migrations.ts'

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

const within2s = <T>(work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('database did not answer within 2 s')), 2000).unref()),
  ])

/**
 * Readiness, for a load balancer or orchestrator deciding whether to send
 * traffic (/healthz stays the liveness check): 200 when the database answers
 * and has every committed migration (`migrations: 'applied'`), or, outside
 * production, a pushed schema (`'push'`). 503 otherwise, naming what is wrong;
 * migration names are not secret.
 */
export function readyz(payload: Payload, env: Pick<Env, 'APP_ENV'>) {
  return async (_req: Request, res: Response) => {
    const production = env.APP_ENV === 'production'
    let pending: string[]
    try {
      pending = await within2s(
        (async () => {
          // Pending migrations first: on a database that lacks them, the tenants table may not exist yet.
          const missing = production ? (await migrationState(payload)).pending : []
          if (!missing.length) await payload.db.count({ collection: 'tenants', where: {} })
          return missing
        })(),
      )
    } catch (error) {
      // The message of a refused query can quote SQL: say only what an operator needs.
      const timedOut = (error as Error).message.includes('within 2 s')
      res.status(503).json({ status: 'unavailable', database: 'down', error: timedOut ? 'did not answer within 2 s' : 'query failed' })
      return
    }
    if (!production) return void res.json({ status: 'ready', database: 'up', migrations: 'push' })
    if (pending.length) {
      res.status(503).json({ status: 'unavailable', database: 'up', migrations: 'pending', pending, fix: 'npm run migrate' })
      return
    }
    res.json({ status: 'ready', database: 'up', migrations: 'applied' })
  }
}
