import type { Pool } from 'pg'
import type { Logger } from 'pino'
import { CLUSTER_SCHEMA, createIfMissing } from '../cluster/index.ts'
import type { Participant, PresenceStore } from './presence.ts'

const PRESENCE = `${CLUSTER_SCHEMA}.live_presence`
const PROCESSES = `${CLUSTER_SCHEMA}.live_processes`

export type PostgresPresenceOptions = {
  /** How often this process says it is alive and clears the places of processes that stopped saying so. */
  heartbeatMs?: number
  /** A process silent for this long is gone (killed, frozen, cut off): its places are freed. */
  expireMs?: number
}

/**
 * Presence shared by the server processes in two small tables of the cluster
 * schema: a row per person and room naming the process and connection that
 * holds it, and a heartbeat row per process. A process that dies (kill -9, a
 * lost machine) stops beating; its rows no longer count once `expireMs` has
 * passed, and the next process to beat deletes them and says which rooms changed.
 */
export function postgresPresence(
  pool: Pool,
  processId: string,
  logger: Pick<Logger, 'error'>,
  { heartbeatMs = 5000, expireMs = 20_000 }: PostgresPresenceOptions = {},
): PresenceStore {
  const alive = `now() - make_interval(secs => ${expireMs / 1000})`
  const beat = async () => {
    await pool.query(`INSERT INTO ${PROCESSES} (process) VALUES ($1) ON CONFLICT (process) DO UPDATE SET seen_at = now()`, [processId])
    const { rows } = await pool.query(
      `DELETE FROM ${PRESENCE} p WHERE NOT EXISTS (SELECT 1 FROM ${PROCESSES} l WHERE l.process = p.process AND l.seen_at > ${alive})
       RETURNING appointment`,
    )
    await pool.query(`DELETE FROM ${PROCESSES} WHERE seen_at <= ${alive}`)
    const rooms = [...new Set(rows.map((r) => String(r.appointment)))]
    if (rooms.length) store.onExpired?.(rooms)
  }
  const ready = createIfMissing(
    (text) => pool.query(text),
    [
      `CREATE TABLE IF NOT EXISTS ${PROCESSES} (process text PRIMARY KEY, seen_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE TABLE IF NOT EXISTS ${PRESENCE} (
         appointment text NOT NULL, user_id text NOT NULL, role text NOT NULL, name text NOT NULL,
         process text NOT NULL, connection text NOT NULL, entered_at timestamptz NOT NULL DEFAULT clock_timestamp(),
         PRIMARY KEY (appointment, user_id))`,
      `CREATE INDEX IF NOT EXISTS live_presence_process ON ${PRESENCE} (process)`,
    ],
  ).then(beat)
  ready.catch((error) => logger.error({ err: error }, 'live presence could not set up its tables'))
  const timer = setInterval(
    () => void ready.then(beat).catch((error) => logger.error({ err: error }, 'live presence heartbeat failed')),
    heartbeatMs,
  )
  timer.unref()

  const store: PresenceStore = {
    async claim(appointment, { userId, role, name }, connection) {
      await ready
      // One statement: the CTE reads the row as it was before the upsert replaces it.
      const { rows } = await pool.query(
        `WITH earlier AS (SELECT connection FROM ${PRESENCE} WHERE appointment = $1 AND user_id = $2),
         taken AS (
           INSERT INTO ${PRESENCE} (appointment, user_id, role, name, process, connection) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (appointment, user_id) DO UPDATE SET role = $3, name = $4, process = $5, connection = $6, entered_at = clock_timestamp()
           RETURNING 1)
         SELECT (SELECT connection FROM earlier) AS earlier FROM taken`,
        [appointment, userId, role, name, processId, connection],
      )
      return rows[0]?.earlier ?? null
    },
    async release(appointment, userId, connection) {
      await ready
      const { rowCount } = await pool.query(`DELETE FROM ${PRESENCE} WHERE appointment = $1 AND user_id = $2 AND connection = $3`, [
        appointment,
        userId,
        connection,
      ])
      return (rowCount ?? 0) > 0
    },
    async list(appointment) {
      await ready
      const { rows } = await pool.query(
        `SELECT p.user_id, p.role, p.name FROM ${PRESENCE} p JOIN ${PROCESSES} l ON l.process = p.process
         WHERE p.appointment = $1 AND l.seen_at > ${alive} ORDER BY p.entered_at`,
        [appointment],
      )
      return rows.map((r): Participant => ({ userId: r.user_id, role: r.role, name: r.name }))
    },
    async close() {
      clearInterval(timer)
      await ready.catch(() => undefined)
      const { rows } = await pool.query(`DELETE FROM ${PRESENCE} WHERE process = $1 RETURNING appointment`, [processId])
      await pool.query(`DELETE FROM ${PROCESSES} WHERE process = $1`, [processId])
      return [...new Set(rows.map((r) => String(r.appointment)))]
    },
  }
  return store
}
