import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { idOf, sameId } from '../access/roles.ts'
import { clusterBus } from '../cluster/index.ts'
import { loadChatMessage } from './chatMessage.ts'
import { relayVisitNews } from './hub.ts'
import { memoryPresence, presenceOf, type Participant } from './presence.ts'
import { postgresPresence } from './postgresPresence.ts'
import { liveRooms } from './rooms.ts'
import { attendanceJoined, attendanceLeft } from '../video/attendance.ts'
import { readUpgrade, refuseUpgrade } from './upgradeRequest.ts'
import { roomClosedReason, signallingRefusal } from './visitState.ts'
import { liveSockets } from '../metrics/registry.ts'

export const LIVE_PATH = '/live'

type User = { id: number | string; role?: string; name?: string; collection?: string }

/** The signed-in person behind the upgrade's credentials, or null. */
async function userOf(payload: Payload, authorization: string): Promise<User | null> {
  const { user } = await payload.auth({ headers: new Headers({ authorization }) }).catch(() => ({ user: null }))
  return (user as User | null) ?? null
}

/** Whether `user` takes part in the visit, read with their own access rules (nobody learns of other visits). */
async function roleIn(payload: Payload, user: User, appointment: string): Promise<Participant['role'] | null> {
  const visit = await payload
    .findByID({ collection: 'appointments', id: appointment, depth: 0, overrideAccess: false, user, disableErrors: true })
    .catch(() => null)
  if (!visit) return null
  if (user.role === 'patient' && sameId(idOf(visit.patient), user.id)) return 'patient'
  if (user.role === 'doctor') {
    const doctor = await payload.findByID({
      collection: 'doctors',
      id: idOf(visit.doctor)!,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (doctor && sameId(idOf(doctor.user), user.id)) return 'doctor'
  }
  return null
}

/**
 * The platform's WebSocket at `/live`, for signed-in people: subscribe to a visit
 * you take part in that has not ended (`{ type: 'subscribe', appointment }`), then
 * receive presence, chat messages and visit changes, and exchange call signalling
 * (`{ type: 'signal', appointment, data }`) while the visit is confirmed and inside
 * its join window. `{ type: 'watch', appointment }` hears the same news without
 * entering the room (the waiting room before joining). See plugins/README.md for the protocol.
 * Rooms span every server process of the deployment (rooms.ts): each process
 * checks and serves its own connections, the cluster bus carries what is said.
 * Returns the upgrade handler for the HTTP server, with `close` for shutdown.
 */
export function liveSocket(payload: Payload) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  const logError = (err: unknown) => payload.logger.error({ err }, 'could not record visit attendance')
  const bus = clusterBus()
  const pool = payload.db.name === 'postgres' ? (payload.db as unknown as { pool: Pool }).pool : null
  const presence = pool ? postgresPresence(pool, bus.processId, payload.logger) : memoryPresence()
  presenceOf.set(payload, presence)
  const rooms = liveRooms({
    bus,
    presence,
    loadChatMessage: (appointment, id) => loadChatMessage(payload, appointment, id),
  })

  relayVisitNews()

  // A connection that stops answering pings is dropped, so nobody stays in a room as a ghost.
  const alive = new WeakMap<WebSocket, boolean>()
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) ws.terminate()
      else {
        alive.set(ws, false)
        ws.ping()
      }
    }
  }, 30_000)
  heartbeat.unref()

  function serve(ws: WebSocket, user: User) {
    alive.set(ws, true)
    ws.on('pong', () => alive.set(ws, true))
    const send = (message: unknown) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(message))
    let room: { appointment: string; leave: () => Promise<void> } | null = null
    let watching: (() => void) | null = null
    liveSockets.inc()
    const stopInbox = rooms.listenToInbox(String(user.id), send)
    ws.on('close', () => {
      liveSockets.dec()
      stopInbox()
      void room?.leave().catch(logError)
      watching?.()
    })

    async function handle(raw: RawData) {
      let message: { type?: string; appointment?: unknown; data?: unknown }
      try {
        message = JSON.parse(String(raw))
      } catch {
        return send({ type: 'error', reason: 'Messages are JSON.' })
      }
      if (!message || typeof message !== 'object') return send({ type: 'error', reason: 'Messages are JSON objects.' })
      const appointment =
        typeof message.appointment === 'string' || typeof message.appointment === 'number' ? String(message.appointment) : ''
      if (message.type === 'subscribe') {
        const role = appointment ? await roleIn(payload, user, appointment) : null
        if (!role) return send({ type: 'error', appointment, reason: 'You are not a participant of this visit.' })
        const closed = await roomClosedReason(payload, appointment)
        if (closed) return send({ type: 'error', appointment, reason: closed })
        // Closed while the checks ran: entering now would leave a ghost in the room (nothing would ever leave it).
        if (ws.readyState !== ws.OPEN) return
        const earlier = room
        room = null
        await earlier?.leave()
        const { replaced, leave } = await rooms.enter(appointment, {
          userId: String(user.id),
          role,
          name: String(user.name ?? ''),
          send,
          close: (code, reason) => ws.close(code, reason),
        })
        // Closed while entering: its close handler found no room to leave, so leave it here (no attendance was opened).
        if (ws.readyState !== ws.OPEN) return void (await leave())
        const left = async () => {
          if (await leave())
            void attendanceLeft(payload, { appointment, userId: String(user.id), source: 'room', at: Date.now() }).catch(logError)
        }
        room = { appointment, leave: left }
        // A reconnect of the same person continues their attendance; a first entry opens it.
        if (!replaced)
          void attendanceJoined(payload, { appointment, userId: String(user.id), role, source: 'room', at: Date.now() }).catch(logError)
        return send({ type: 'subscribed', appointment, role })
      }
      // The waiting room before joining: the visit's news, without presence, attendance or signalling.
      if (message.type === 'watch') {
        const role = appointment ? await roleIn(payload, user, appointment) : null
        if (!role) return send({ type: 'error', appointment, reason: 'You are not a participant of this visit.' })
        const closed = await roomClosedReason(payload, appointment)
        if (closed) return send({ type: 'error', appointment, reason: closed })
        if (ws.readyState !== ws.OPEN) return
        watching?.()
        watching = rooms.watch(appointment, send, (code, reason) => ws.close(code, reason))
        return send({ type: 'watching', appointment, role })
      }
      if (message.type === 'signal') {
        if (room?.appointment !== appointment) return send({ type: 'error', appointment, reason: 'Subscribe to the visit first.' })
        // Checked at every signal: the visit may have been completed, cancelled or moved since the subscription.
        const refusal = await signallingRefusal(payload, appointment)
        if (refusal) return send({ type: 'error', appointment, reason: refusal })
        return rooms.relaySignal(appointment, String(user.id), message.data)
      }
      send({ type: 'error', reason: `Unknown message type "${message.type}".` })
    }

    // One message at a time, in the order sent: signalling (offer, answer, candidates) must arrive in order.
    let queue = Promise.resolve()
    ws.on('message', (raw) => {
      queue = queue
        .then(async () => void (await handle(raw)))
        .catch((err) => {
          payload.logger.error({ err }, 'a live message could not be handled')
          send({ type: 'error', reason: 'That message could not be handled. Try again.' })
        })
    })
  }

  /** Never throws: a malformed upgrade is answered 400 or 403 and the server goes on. */
  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const request = readUpgrade(req)
    if ('refused' in request) {
      // An address nobody can parse is nobody else's either: answered here.
      refuseUpgrade(socket, request.refused)
      return true
    }
    if (request.path !== LIVE_PATH) return false
    // A client that resets the connection while we check its session must not become an unhandled error.
    socket.on('error', () => socket.destroy())
    if (!request.authorization) {
      refuseUpgrade(socket, 401)
      return true
    }
    userOf(payload, request.authorization)
      .then((user) => {
        if (!user) return refuseUpgrade(socket, 401)
        wss.handleUpgrade(req, socket, head, (ws) => serve(ws, user))
      })
      .catch((err) => {
        payload.logger.error({ err }, 'a live connection could not be opened')
        socket.destroy()
      })
    return true
  }
  /** On shutdown: this process's places in the rooms are freed, and the other processes' rooms told. */
  return Object.assign(handleUpgrade, { close: () => rooms.close() })
}
