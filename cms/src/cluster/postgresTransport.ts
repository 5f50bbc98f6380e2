import pg from 'pg'
import type { Logger } from 'pino'
import type { BusMessage, BusTransport, TransportReceiver } from './bus.ts'
import { CLUSTER_SCHEMA, createIfMissing } from './clusterSchema.ts'

/** PostgreSQL refuses NOTIFY payloads from 8000 bytes; larger messages (an SDP offer) go through a table. */
const NOTIFY_LIMIT = 7000
const SPILL = `${CLUSTER_SCHEMA}.bus_spill`
/** Named so operators recognise the connection in pg_stat_activity. */
export const BUS_APPLICATION_NAME = 'telemed-bus'

type Envelope = { o: string; c: string; m?: BusMessage; s?: string }

export type PostgresTransportOptions = {
  connectionString: string
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
  /** The NOTIFY channel; one per deployment (per database). */
  channel?: string
  /** Waits between reconnection attempts: doubling from `minMs` up to `maxMs`. */
  reconnect?: { minMs: number; maxMs: number }
}

/**
 * The bus between server processes over PostgreSQL LISTEN/NOTIFY: one dedicated
 * connection per process, outside the platform's pool (a LISTEN holds its
 * connection). Messages from one process arrive in the order it sent them. After
 * an error the connection is opened again and LISTENs again; what was sent
 * while it was down is lost, and the bus's `resumed` lets subscribers catch up.
 */
export function postgresTransport({
  connectionString,
  logger,
  channel = 'telemed_bus',
  reconnect = { minMs: 100, maxMs: 5000 },
}: PostgresTransportOptions) {
  return async (receiver: TransportReceiver): Promise<BusTransport> => {
    let client: pg.Client | null = null
    let closing = false
    let wait = reconnect.minMs
    let retry: NodeJS.Timeout | undefined
    // Handled one after the other: a spilled message is read from its table before the next one is delivered.
    let inbox = Promise.resolve()
    // A pg client runs one query at a time: ours wait their turn here, in the order they were asked.
    let turn: Promise<unknown> = Promise.resolve()
    function serially<T>(work: () => Promise<T>): Promise<T> {
      const run = turn.then(work)
      turn = run.catch(() => undefined)
      return run
    }

    async function handle(payload: string | undefined, from: pg.Client) {
      const envelope = JSON.parse(payload ?? '{}') as Envelope
      if (envelope.o === receiver.processId || !envelope.c) return
      let message = envelope.m
      if (envelope.s !== undefined) {
        const { rows } = await serially(() => from.query(`SELECT body FROM ${SPILL} WHERE id = $1`, [envelope.s]))
        if (!rows[0]) return logger.warn({ channel: envelope.c }, 'a large cluster message expired before it was read')
        message = JSON.parse(rows[0].body) as BusMessage
      }
      if (message) receiver.receive(envelope.c, message)
    }

    async function open(): Promise<pg.Client> {
      const next = new pg.Client({ connectionString, application_name: BUS_APPLICATION_NAME })
      next.on('error', (error) => lost(next, error))
      next.on('end', () => lost(next))
      next.on('notification', ({ payload }) => {
        inbox = inbox
          .then(() => handle(payload, next))
          .catch((error) => logger.error({ err: error }, 'a cluster message could not be read'))
      })
      try {
        await next.connect()
        await createIfMissing(
          (text) => next.query(text),
          [`CREATE TABLE IF NOT EXISTS ${SPILL} (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())`],
        )
        await next.query(`LISTEN ${channel}`)
        return next
      } catch (error) {
        void next.end().catch(() => undefined)
        throw error
      }
    }

    function lost(which: pg.Client, error?: Error) {
      if (client !== which || closing) return
      client = null
      which.removeAllListeners('notification')
      void which.end().catch(() => undefined)
      logger.warn({ reason: error?.message ?? 'connection ended' }, 'cluster bus: lost its PostgreSQL connection; reconnecting')
      schedule()
    }

    function schedule() {
      retry = setTimeout(async () => {
        try {
          client = await open()
          wait = reconnect.minMs
          logger.info('cluster bus: listening again')
          receiver.resumed()
        } catch (error) {
          wait = Math.min(wait * 2, reconnect.maxMs)
          logger.warn({ reason: (error as Error).message }, 'cluster bus: PostgreSQL is not answering yet')
          if (!closing) schedule()
        }
      }, wait)
    }

    // Oversized messages are read within moments; what a process never read (it died) goes after a minute.
    const sweep = setInterval(() => {
      const to = client
      if (to) void serially(() => to.query(`DELETE FROM ${SPILL} WHERE at < now() - interval '1 minute'`)).catch(() => undefined)
    }, 30_000)
    sweep.unref()

    client = await open()

    return {
      async send(name, message) {
        const to = client
        if (!to) return logger.warn({ channel: name }, 'cluster bus: reconnecting; a message did not reach the other processes')
        const text = JSON.stringify({ o: receiver.processId, c: name, m: message } satisfies Envelope)
        try {
          if (Buffer.byteLength(text) <= NOTIFY_LIMIT) await serially(() => to.query('SELECT pg_notify($1, $2)', [channel, text]))
          // One statement, so it keeps its place among this process's messages.
          else
            await serially(() =>
              to.query(
                `WITH spilled AS (INSERT INTO ${SPILL} (body) VALUES ($1) RETURNING id)
               SELECT pg_notify($2, json_build_object('o', $3::text, 'c', $4::text, 's', id::text)::text) FROM spilled`,
                [JSON.stringify(message), channel, receiver.processId, name],
              ),
            )
        } catch (error) {
          logger.warn({ channel: name, reason: (error as Error).message }, 'cluster bus: a message did not reach the other processes')
        }
      },
      async close() {
        closing = true
        clearTimeout(retry)
        clearInterval(sweep)
        const last = client
        client = null
        await last?.end().catch(() => undefined)
      },
    }
  }
}
