/** The message bus between server processes: in one process, and across processes over PostgreSQL LISTEN/NOTIFY. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Bus, type BusMessage } from '../src/cluster/index.ts'
import { BUS_APPLICATION_NAME, postgresTransport } from '../src/cluster/postgresTransport.ts'
import { freshDatabaseUrl } from './support/database.ts'
import { eventually } from './support/eventually.ts'

const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres')
const logger = pino({ level: 'silent' })

/** Everything a bus hears on `channel`, in order. */
function heard(bus: Bus, channel: string) {
  const messages: BusMessage[] = []
  bus.subscribe(channel, (message) => void messages.push(message))
  return messages
}

describe('the bus within one process', () => {
  it('delivers to every subscriber before publish resolves; a failing subscriber does not stop the others', async () => {
    const bus = new Bus()
    const errors: unknown[] = []
    bus.onError = (error) => errors.push(error)
    const first = heard(bus, 'news')
    bus.subscribe('news', () => {
      throw new Error('subscriber failed')
    })
    const second = heard(bus, 'news')
    const other = heard(bus, 'other')
    await bus.publish('news', { id: 1 })
    expect(first).toEqual([{ id: 1 }])
    expect(second).toEqual([{ id: 1 }])
    expect(other).toEqual([])
    expect(errors).toHaveLength(1)
  })
})

describe.skipIf(!onPostgres)('the bus between processes (PostgreSQL only: SQLite and MongoDB run one process)', () => {
  let url: string
  let a: Bus
  let b: Bus
  const resumed = { a: 0, b: 0 }
  const fast = { minMs: 20, maxMs: 200 }

  beforeAll(async () => {
    url = await freshDatabaseUrl(mkdtempSync(join(tmpdir(), 'telemed-bus-')))
    a = new Bus()
    b = new Bus()
    await a.connect(postgresTransport({ connectionString: url, logger, reconnect: fast }))
    await b.connect(postgresTransport({ connectionString: url, logger, reconnect: fast }))
    a.onResume(() => resumed.a++)
    b.onResume(() => resumed.b++)
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
  })

  it('carries a message to the other process once, and to its own subscribers once', async () => {
    const atA = heard(a, 'room')
    const atB = heard(b, 'room')
    await a.publish('room', { appointment: '7', type: 'running-late', minutes: 10 })
    await eventually('the message reached the other process', () => atB.length === 1)
    expect(atB).toEqual([{ appointment: '7', type: 'running-late', minutes: 10 }])
    // Its own subscribers heard it at once, and not a second time through PostgreSQL.
    await b.publish('room', { marker: true })
    await eventually('the marker came back', () => atA.length === 2)
    expect(atA).toEqual([{ appointment: '7', type: 'running-late', minutes: 10 }, { marker: true }])
  })

  it('keeps one sender’s order, messages over the 8000-byte NOTIFY limit included', async () => {
    const atB = heard(b, 'signal')
    const offer = { step: 1, sdp: 'a=candidate:'.repeat(2000) } // about 24 kB: goes through the bus's table
    const sent = [{ step: 0 }, offer, ...Array.from({ length: 20 }, (_, i) => ({ step: i + 2 }))]
    for (const message of sent) void a.publish('signal', message)
    await eventually('all messages arrived', () => atB.length === sent.length)
    expect(atB.map((m) => m.step)).toEqual(sent.map((m) => m.step))
    expect(atB[1]).toEqual(offer)
  })

  it('reconnects and listens again after its connection is killed, and says so to its subscribers', async () => {
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    const { rowCount } = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
      [BUS_APPLICATION_NAME],
    )
    expect(rowCount).toBe(2)
    await eventually('both buses resumed', () => resumed.a === 1 && resumed.b === 1)
    const { rows } = await admin.query(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
      [BUS_APPLICATION_NAME],
    )
    expect(rows[0].n).toBe(2)
    await admin.end()

    const atA = heard(a, 'after')
    const atB = heard(b, 'after')
    await a.publish('after', { from: 'a' })
    await b.publish('after', { from: 'b' })
    await eventually('messages cross both ways again', () => atA.length === 2 && atB.length === 2)
  })
})
