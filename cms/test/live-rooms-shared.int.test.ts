/**
 * Live rooms spread over server processes (PostgreSQL only): each "process" here is
 * a bus, presence and rooms of its own, as a server process has, on one database.
 * The people are stand-ins for sockets; the cross-process test with real servers
 * behind nginx is cluster-shared-state.int.test.ts.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Bus } from '../src/cluster/index.ts'
import { postgresTransport } from '../src/cluster/postgresTransport.ts'
import { LIVE_CHANNEL } from '../src/live/hub.ts'
import { postgresPresence } from '../src/live/postgresPresence.ts'
import type { Participant } from '../src/live/presence.ts'
import { liveRooms, type LiveRooms } from '../src/live/rooms.ts'
import { freshDatabaseUrl } from './support/database.ts'
import { eventually } from './support/eventually.ts'

const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres')
const logger = pino({ level: 'silent' })

type Process = { bus: Bus; rooms: LiveRooms; pool: pg.Pool }
/** A stand-in for a socket: what it was sent, and how it was closed. */
function person(userId: string, role: Participant['role']) {
  const received: any[] = []
  const closed: number[] = []
  return {
    userId,
    role,
    name: `${role} ${userId}`,
    received,
    closed,
    send: (m: unknown) => received.push(m),
    close: (code: number) => closed.push(code),
  }
}
const lastPresence = (p: ReturnType<typeof person>) =>
  p.received
    .filter((m) => m.type === 'presence')
    .at(-1)
    ?.participants.map((x: Participant) => x.userId)
    .sort()
    .join(',')

describe.skipIf(!onPostgres)('live rooms across server processes (PostgreSQL only: SQLite and MongoDB run one process)', () => {
  let url: string
  const processes: Process[] = []
  async function startProcess(): Promise<Process> {
    const pool = new pg.Pool({ connectionString: url, max: 3 })
    const bus = new Bus()
    await bus.connect(postgresTransport({ connectionString: url, logger, reconnect: { minMs: 20, maxMs: 200 } }))
    const presence = postgresPresence(pool, bus.processId, logger, { heartbeatMs: 100, expireMs: 1000 })
    const rooms = liveRooms({ bus, presence, loadChatMessage: async (_appointment, id) => ({ id, body: 'read from the database' }) })
    const started = { bus, rooms, pool }
    processes.push(started)
    return started
  }

  beforeAll(async () => {
    url = await freshDatabaseUrl(mkdtempSync(join(tmpdir(), 'telemed-rooms-')))
  })
  afterAll(async () => {
    for (const { bus, rooms, pool } of processes) {
      await rooms.close().catch(() => undefined)
      await bus.close()
      await pool.end().catch(() => undefined)
    }
  })

  it('shows presence, relays signalling, news, chat and room closing between people on different processes', async () => {
    const [a, b] = [await startProcess(), await startProcess()]
    const patient = person('p1', 'patient')
    const doctor = person('d1', 'doctor')
    const waiting = person('p1', 'patient')
    await a.rooms.enter('100', patient)
    await b.rooms.enter('100', doctor)
    b.rooms.watch('100', waiting.send, waiting.close)
    await eventually('both see both', () => lastPresence(patient) === 'd1,p1' && lastPresence(doctor) === 'd1,p1')

    await a.rooms.relaySignal('100', 'p1', { description: { type: 'offer', sdp: 'v=0' } })
    await eventually('the doctor got the offer', () => doctor.received.some((m) => m.type === 'signal'))
    expect(doctor.received.find((m) => m.type === 'signal')).toEqual({
      type: 'signal',
      appointment: '100',
      from: 'p1',
      data: { description: { type: 'offer', sdp: 'v=0' } },
    })

    await a.bus.publish(LIVE_CHANNEL, { op: 'news', appointment: '100', message: { type: 'running-late', minutes: 10 } })
    await a.bus.publish(LIVE_CHANNEL, { op: 'chat', appointment: '100', id: '7' })
    await eventually('news and chat reached the waiting room on the other process', () => waiting.received.length === 2)
    expect(waiting.received).toEqual([
      { appointment: '100', type: 'running-late', minutes: 10 },
      { appointment: '100', type: 'message', message: { id: '7', body: 'read from the database' } },
    ])
    // Signalling is for the people in the room, never back to its sender nor to those waiting.
    expect(patient.received.some((m) => m.type === 'signal')).toBe(false)
    expect(waiting.received.some((m) => m.type === 'signal' || m.type === 'presence')).toBe(false)

    await b.bus.publish(LIVE_CHANNEL, { op: 'close', appointment: '100', reason: 'The people of this visit changed.' })
    await eventually('every connection of the visit closed', () => [patient, doctor, waiting].every((p) => p.closed[0] === 4003))
  })

  it('a reload that lands on another process replaces the old connection: no ghost, and the old one does not leave', async () => {
    const [a, b] = processes as [Process, Process]
    const doctor = person('d2', 'doctor')
    const first = person('p2', 'patient')
    const second = person('p2', 'patient')
    await a.rooms.enter('200', doctor)
    const before = await a.rooms.enter('200', first)
    expect(before.replaced).toBe(false)
    const after = await b.rooms.enter('200', second)
    expect(after.replaced).toBe(true)
    await eventually('the first connection was closed as replaced', () => first.closed[0] === 4001)
    // Its socket's close handler then leaves: not the person, whose newer connection holds the place.
    expect(await before.leave()).toBe(false)
    await eventually('the doctor sees one patient', () => lastPresence(doctor) === 'd2,p2' && lastPresence(second) === 'd2,p2')
    expect(await after.leave()).toBe(true)
    await eventually('the patient left', () => lastPresence(doctor) === 'd2')
  })

  it('frees the places of a process that died, and tells the rooms', async () => {
    const [a] = processes as [Process]
    const doomed = await startProcess()
    const doctor = person('d3', 'doctor')
    await a.rooms.enter('300', doctor)
    await doomed.rooms.enter('300', person('p3', 'patient'))
    await eventually('the doctor sees the patient', () => lastPresence(doctor) === 'd3,p3')
    // Killed: no goodbye, no more heartbeats (its database connections are gone).
    await doomed.bus.close()
    await doomed.pool.end()
    await eventually('the dead process’s patient is gone from the room', () => lastPresence(doctor) === 'd3')
  })
})
