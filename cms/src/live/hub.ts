/**
 * Live rooms, one per visit: who is connected (one connection per person, so a
 * reconnect replaces the old one and no "ghost" stays), and delivery of chat
 * messages, call signalling and visit changes to the people in the room.
 * In this process only: several server processes need a shared channel
 * (PostgreSQL LISTEN/NOTIFY or Redis) before they can share rooms.
 */
export type Participant = { userId: string; role: 'patient' | 'doctor'; name: string }
export type Peer = Participant & { send: (message: unknown) => void; close: (code: number, reason: string) => void }

const rooms = new Map<string, Map<string, Peer>>()
/**
 * People on the visit's page who have not joined (the waiting room before the call):
 * they hear the visit's news (changes, running late, chat), are not present in the
 * room, and take no part in the call's signalling.
 */
type Watcher = { send: (message: unknown) => void; close: (code: number, reason: string) => void }
const watchers = new Map<string, Set<Watcher>>()

const presence = (room: Map<string, Peer>) => [...room.values()].map(({ userId, role, name }) => ({ userId, role, name }))

function broadcast(appointment: string, message: unknown, except?: string) {
  for (const peer of rooms.get(appointment)?.values() ?? []) if (peer.userId !== except) peer.send(message)
}

/**
 * Enters the visit's room; an earlier connection of the same person is closed
 * (code 4001) and `replaced` says so. `leave` answers whether the person really
 * left (false when a newer connection of theirs took over).
 */
export function enter(appointment: string, peer: Peer): { replaced: boolean; leave: () => boolean } {
  const room = rooms.get(appointment) ?? new Map<string, Peer>()
  rooms.set(appointment, room)
  const earlier = room.get(peer.userId)
  room.set(peer.userId, peer)
  if (earlier && earlier !== peer) earlier.close(4001, 'Replaced by a newer connection of the same person.')
  broadcast(appointment, { type: 'presence', appointment, participants: presence(room) })
  const leave = () => {
    if (room.get(peer.userId) !== peer) return false
    room.delete(peer.userId)
    if (room.size === 0) rooms.delete(appointment)
    broadcast(appointment, { type: 'presence', appointment, participants: presence(room) })
    return true
  }
  return { replaced: Boolean(earlier && earlier !== peer), leave }
}

/** Relays call signalling (offers, answers, ICE candidates) to the other people in the room. */
export const relaySignal = (appointment: string, from: string, data: unknown) =>
  broadcast(appointment, { type: 'signal', appointment, from, data }, from)

/** Everyone in the room and everyone watching it hears it: a new chat message, a change to the visit, running late. */
export function publish(appointment: string, message: Record<string, unknown>) {
  broadcast(appointment, { appointment, ...message })
  for (const watcher of watchers.get(appointment) ?? []) watcher.send({ appointment, ...message })
}

/** Hears the visit's news without entering its room; the answer stops it. */
export function watch(appointment: string, send: Watcher['send'], close: Watcher['close']): () => void {
  const set = watchers.get(appointment) ?? new Set()
  watchers.set(appointment, set)
  const watcher = { send, close }
  set.add(watcher)
  return () => {
    set.delete(watcher)
    if (set.size === 0 && watchers.get(appointment) === set) watchers.delete(appointment)
  }
}

export const participantsIn = (appointment: string) => presence(rooms.get(appointment) ?? new Map())

/**
 * Closes every connection to the visit's room and waiting room (code 4003): its
 * patient or doctor changed, so who may hear it changed. Each reconnects and is
 * checked again (the old participant is refused); their sockets' own close
 * handlers leave the room and record the attendance as usual.
 */
export function closeVisit(appointment: string, reason: string) {
  for (const peer of [...(rooms.get(appointment)?.values() ?? [])]) peer.close(4003, reason)
  for (const watcher of [...(watchers.get(appointment) ?? [])]) watcher.close(4003, reason)
}
