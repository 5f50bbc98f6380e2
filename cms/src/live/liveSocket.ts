import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Payload } from 'payload'
import { WebSocketServer, type WebSocket } from 'ws'
import { idOf, sameId } from '../access/roles.ts'
import { onAppointmentEvent } from '../events/appointmentEvents.ts'
import { enter, publish, relaySignal, type Participant } from './hub.ts'
import { attendanceJoined, attendanceLeft } from '../video/attendance.ts'

export const LIVE_PATH = '/live'
const TOKEN_COOKIES = ['telemed-token', 'payload-token']

type User = { id: number | string; role?: string; name?: string; collection?: string }

/** The signed-in person of an upgrade request: `Authorization: JWT …`, or the clinic site's or admin's cookie. */
async function userOf(payload: Payload, req: IncomingMessage): Promise<User | null> {
  const headers = new Headers()
  const cookies = Object.fromEntries(
    (req.headers.cookie ?? '').split(/;\s*/).map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]),
  )
  const token = TOKEN_COOKIES.map((name) => cookies[name]).find(Boolean)
  if (typeof req.headers.authorization === 'string') headers.set('authorization', req.headers.authorization)
  else if (token) headers.set('authorization', `JWT ${decodeURIComponent(token)}`)
  else return null
  const { user } = await payload.auth({ headers }).catch(() => ({ user: null }))
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
 * you take part in (`{ type: 'subscribe', appointment }`), then receive presence,
 * chat messages and visit changes, and exchange call signalling
 * (`{ type: 'signal', appointment, data }`). See plugins/README.md for the protocol.
 * Returns the upgrade handler for the HTTP server.
 */
export function liveSocket(payload: Payload) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  const logError = (err: unknown) => payload.logger.error({ err }, 'could not record visit attendance')

  // Visit changes reach the people waiting in its room at once (e.g. a cancellation in the waiting room).
  onAppointmentEvent('*', (event) => {
    publish(String(event.appointment), { type: 'visit', event: event.type, start: event.start, end: event.end })
  })

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
    let room: { appointment: string; leave: () => void } | null = null
    ws.on('close', () => room?.leave())
    ws.on('message', async (raw) => {
      let message: { type?: string; appointment?: unknown; data?: unknown }
      try {
        message = JSON.parse(String(raw))
      } catch {
        return send({ type: 'error', reason: 'Messages are JSON.' })
      }
      const appointment =
        typeof message.appointment === 'string' || typeof message.appointment === 'number' ? String(message.appointment) : ''
      if (message.type === 'subscribe') {
        const role = appointment ? await roleIn(payload, user, appointment) : null
        if (!role) return send({ type: 'error', appointment, reason: 'You are not a participant of this visit.' })
        room?.leave()
        const { replaced, leave } = enter(appointment, {
          userId: String(user.id),
          role,
          name: String(user.name ?? ''),
          send,
          close: (code, reason) => ws.close(code, reason),
        })
        const left = () => {
          if (leave())
            void attendanceLeft(payload, { appointment, userId: String(user.id), source: 'room', at: Date.now() }).catch(logError)
        }
        room = { appointment, leave: left }
        // A reconnect of the same person continues their attendance; a first entry opens it.
        if (!replaced)
          void attendanceJoined(payload, { appointment, userId: String(user.id), role, source: 'room', at: Date.now() }).catch(logError)
        return send({ type: 'subscribed', appointment, role })
      }
      if (message.type === 'signal') {
        if (room?.appointment !== appointment) return send({ type: 'error', appointment, reason: 'Subscribe to the visit first.' })
        return relaySignal(appointment, String(user.id), message.data)
      }
      send({ type: 'error', reason: `Unknown message type "${message.type}".` })
    })
  }

  return function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (new URL(req.url ?? '/', 'http://local').pathname !== LIVE_PATH) return false
    // Browsers send Origin: only pages of this same site may open the socket with their cookie.
    const origin = req.headers.origin
    if (origin && new URL(origin).host !== req.headers.host) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return true
    }
    void userOf(payload, req).then((user) => {
      if (!user) return void socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n')
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, user))
    })
    return true
  }
}
