/**
 * The shared rate limits set themselves up on PostgreSQL when the server
 * starts: every limit at once, in every process at once. A set-up that loses
 * that race, or meets a database that is briefly down, must never turn the
 * limited endpoint into a 500 for the life of the process (it once did, for the
 * doctor's "running late" button). PostgreSQL only: elsewhere limits count in
 * memory and set nothing up.
 */
import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import express from 'express'
import type { Payload } from 'payload'
import pg from 'pg'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sharedRateLimit } from '../server/sharedRateLimit.ts'
import { freshDatabaseUrl } from './support/database.ts'

const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres')
let pool: pg.Pool

beforeAll(async () => {
  if (onPostgres) pool = new pg.Pool({ connectionString: await freshDatabaseUrl(mkdtempSync(join(tmpdir(), 'telemed-limits-'))) })
})
afterAll(() => pool?.end())

const payloadOn = (queryable: Pick<pg.Pool, 'query'>) => ({ db: { name: 'postgres', pool: queryable }, secret: 'limits-test' }) as unknown as Payload

/** Serves GET /n for each of `limits`, limited to 3 a minute each; closes when done. */
async function serve(payload: Payload, limits: number, logged: string[] = []) {
  const app = express()
  const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line).msg) })
  for (let n = 0; n < limits; n++)
    app.get(`/${n}`, sharedRateLimit(payload, logger, { name: `limit-${n}`, points: 3, windowSeconds: 60, key: () => 'one visitor', message: 'Too many' }), (_req, res) => {
      res.json({ ok: true })
    })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((ok) => server.once('listening', ok))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { get: async (n: number) => (await fetch(`${url}/${n}`)).status, close: () => new Promise((ok) => server.close(ok)) }
}

describe.skipIf(!onPostgres)('shared rate limits on PostgreSQL', () => {
  it('set up together, many at a time on a database without their table, every one of them counts and none fails', async () => {
    // The race is PostgreSQL's: "IF NOT EXISTS" does not hold between two sessions creating the same table.
    for (let round = 0; round < 30; round++) {
      await pool.query('DROP SCHEMA IF EXISTS telemed_cluster CASCADE')
      const limits = await serve(payloadOn(pool), 12)
      try {
        const statuses = await Promise.all(Array.from({ length: 12 }, (_, n) => limits.get(n)))
        expect(statuses).toEqual(Array(12).fill(200))
        // They counted in the shared table, not each in memory.
        const { rows } = await pool.query('SELECT count(*)::int AS n FROM telemed_cluster.rate_limits')
        expect(rows[0].n).toBe(12)
      } finally {
        await limits.close()
      }
    }
  })

  it('counts in memory while the database fails, never answering 500, and uses the shared table once it can set it up', async () => {
    await pool.query('DROP SCHEMA IF EXISTS telemed_cluster CASCADE')
    let down = true
    const flaky = { query: (text: string) => (down ? Promise.reject(Object.assign(new Error('the database is starting up'), { code: '57P03' })) : pool.query(text)) }
    const logged: string[] = []
    const limits = await serve(payloadOn(flaky as unknown as pg.Pool), 1, logged)
    try {
      expect(await limits.get(0)).toBe(200)
      expect(logged[0]).toBe('the rate limit could not set up its table; counting in memory until it can')
      // The limit still holds while it counts in memory.
      expect([await limits.get(0), await limits.get(0), await limits.get(0)]).toEqual([200, 200, 429])
      // The database is back: a later request sets the table up (tries are a second apart), and counting moves there.
      down = false
      const sharedCount = async () => ((await limits.get(0)) === 200 ? (await pool.query('SELECT count(*)::int AS n FROM telemed_cluster.rate_limits')).rows[0].n : -1)
      await expect.poll(sharedCount, { timeout: 5_000, interval: 200 }).toBe(1)
    } finally {
      await limits.close()
    }
  })
})
