/**
 * What anyone in the platform may say to a visit's live room, from any server
 * process (and any bundle: the bus is one per process): a piece of news, a new
 * chat message, or that the room closes. The cluster bus carries it to every
 * process, and each delivers it to the connections it holds (rooms.ts), which
 * it checked itself when they subscribed. Only ids and short facts travel: a
 * chat message goes as its id and each process reads it from the database.
 */
import { clusterBus } from '../cluster/index.ts'
import { APPOINTMENT_EVENT_TYPES, onDomainEvent } from '../events/domainEvents.ts'

export const LIVE_CHANNEL = 'live'

/** What travels on the bus's live channel. */
export type LiveOp =
  | { op: 'news'; appointment: string; message: Record<string, unknown> }
  | { op: 'chat'; appointment: string; id: string }
  | { op: 'signal'; appointment: string; from: string; data: unknown }
  | { op: 'presence'; appointment: string }
  | { op: 'replaced'; appointment: string; userId: string; connection: string }
  | { op: 'close'; appointment: string; reason: string }
  | { op: 'inbox'; user: string }

export const sendToRooms = (op: LiveOp) => clusterBus().publish(LIVE_CHANNEL, op)

/** Everyone in the room and everyone watching it hears it: a change to the visit, running late. Keep it small. */
export const publish = (appointment: string, message: Record<string, unknown>) => sendToRooms({ op: 'news', appointment, message })

/** A new chat message of the visit, by id: each process reads it and delivers it as `{ type: 'message', message }`. */
export const publishChatMessage = (appointment: string, id: string | number) => sendToRooms({ op: 'chat', appointment, id: String(id) })

/**
 * Closes every connection to the visit's room and waiting room (code 4003): its
 * patient or doctor changed, so who may hear it changed. Each reconnects and is
 * checked again (the old participant is refused); their sockets' own close
 * handlers leave the room and record the attendance as usual.
 */
export const closeVisit = (appointment: string, reason: string) => sendToRooms({ op: 'close', appointment, reason })

/**
 * A message reached the person's inbox: each of their live connections, on any
 * process, hears `{ type: 'inbox' }` (nothing more: the page asks for what is new).
 */
export const tellInbox = (user: string | number) => sendToRooms({ op: 'inbox', user: String(user) })

const RELAYING = Symbol.for('telemed.liveVisitNewsRelayed')

/**
 * Visit changes made in this process (booked, moved, cancelled…) reach the
 * people in the visit's room on every process at once, e.g. a cancellation in
 * the waiting room. Called at start by each process that changes visits: the
 * server and `npm run worker`. Once per process.
 */
export function relayVisitNews(): void {
  const store = globalThis as unknown as Record<symbol, boolean>
  if (store[RELAYING]) return
  store[RELAYING] = true
  for (const type of APPOINTMENT_EVENT_TYPES)
    onDomainEvent(type, async (event) => {
      await publish(String(event.appointment), { type: 'visit', event: event.type, start: event.start, end: event.end })
    })
}
