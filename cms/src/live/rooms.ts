import { randomUUID } from 'node:crypto'
import type { Bus } from '../cluster/index.ts'
import { LIVE_CHANNEL, type LiveOp } from './hub.ts'
import type { Participant, PresenceStore } from './presence.ts'

type Send = (message: unknown) => void
type Close = (code: number, reason: string) => void
/** A connection of this process in a visit's room. */
export type Peer = Participant & { send: Send; close: Close }
/**
 * People on the visit's page who have not joined (the waiting room before the call):
 * they hear the visit's news (changes, running late, chat), are not present in the
 * room, and take no part in the call's signalling.
 */
type Watcher = { send: Send; close: Close }

export type LiveRoomsOptions = {
  bus: Bus
  presence: PresenceStore
  /** Reads a chat message of the visit by id, as its room shows it; null when it is not that visit's. */
  loadChatMessage: (appointment: string, id: string) => Promise<Record<string, unknown> | null>
}

/**
 * The live rooms of this server process: the connections it holds, by visit,
 * and their delivery of what any process says to a room (hub.ts). Presence is
 * shared (one place per person across processes, see presence.ts). Messages
 * are delivered one after the other in the order the bus brought them, so a
 * call's signalling (offer, answer, candidates) arrives in order.
 */
export function liveRooms({ bus, presence, loadChatMessage }: LiveRoomsOptions) {
  const peers = new Map<string, Map<string, Peer>>()
  const watchers = new Map<string, Set<Watcher>>()
  const inboxes = new Map<string, Set<Send>>()
  const sendToRooms = (op: LiveOp) => bus.publish(LIVE_CHANNEL, op)
  const everyoneIn = (appointment: string) => [...(peers.get(appointment)?.values() ?? []), ...(watchers.get(appointment) ?? [])]

  async function deliver(op: LiveOp) {
    if (op.op === 'inbox') {
      for (const send of inboxes.get(op.user) ?? []) send({ type: 'inbox' })
      return
    }
    const room = peers.get(op.appointment)
    if (op.op === 'signal') {
      for (const peer of room?.values() ?? [])
        if (peer.userId !== op.from) peer.send({ type: 'signal', appointment: op.appointment, from: op.from, data: op.data })
    } else if (op.op === 'presence') {
      if (!room?.size) return
      const participants = await presence.list(op.appointment)
      for (const peer of peers.get(op.appointment)?.values() ?? [])
        peer.send({ type: 'presence', appointment: op.appointment, participants })
    } else if (op.op === 'replaced') {
      room?.get(op.connection)?.close(4001, 'Replaced by a newer connection of the same person.')
    } else if (op.op === 'close') {
      for (const one of everyoneIn(op.appointment)) one.close(4003, op.reason)
    } else if (op.op === 'news') {
      for (const one of everyoneIn(op.appointment)) one.send({ appointment: op.appointment, ...op.message })
    } else if (op.op === 'chat') {
      if (!everyoneIn(op.appointment).length) return
      const message = await loadChatMessage(op.appointment, op.id)
      if (message) for (const one of everyoneIn(op.appointment)) one.send({ appointment: op.appointment, type: 'message', message })
    }
  }

  let inbox: Promise<unknown> = Promise.resolve()
  const unsubscribe = bus.subscribe(LIVE_CHANNEL, (message) => {
    const handled = inbox.then(() => deliver(message as LiveOp))
    inbox = handled.catch(() => undefined)
    return handled
  })
  // Presence said while this process was cut off from the others was lost: tell its rooms who is there now.
  const stopResuming = bus.onResume(() => {
    for (const appointment of peers.keys()) void sendToRooms({ op: 'presence', appointment })
  })
  presence.onExpired = (appointments) => {
    for (const appointment of appointments) void sendToRooms({ op: 'presence', appointment })
  }

  return {
    /**
     * Enters the visit's room; an earlier connection of the same person, on any
     * process, is closed (code 4001) and `replaced` says so. `leave` answers
     * whether the person really left (false when a newer connection of theirs took over).
     */
    async enter(appointment: string, peer: Peer): Promise<{ replaced: boolean; leave: () => Promise<boolean> }> {
      const connection = randomUUID()
      const room = peers.get(appointment) ?? new Map<string, Peer>()
      peers.set(appointment, room)
      room.set(connection, peer)
      const leave = async () => {
        room.delete(connection)
        if (room.size === 0 && peers.get(appointment) === room) peers.delete(appointment)
        const left = await presence.release(appointment, peer.userId, connection)
        if (left) await sendToRooms({ op: 'presence', appointment })
        return left
      }
      try {
        const earlier = await presence.claim(appointment, { userId: peer.userId, role: peer.role, name: peer.name }, connection)
        if (earlier) await sendToRooms({ op: 'replaced', appointment, userId: peer.userId, connection: earlier })
        await sendToRooms({ op: 'presence', appointment })
        return { replaced: earlier !== null, leave }
      } catch (error) {
        await leave().catch(() => undefined)
        throw error
      }
    },

    /** Relays call signalling (offers, answers, ICE candidates) to the other people in the room, on every process. */
    relaySignal: (appointment: string, from: string, data: unknown) => sendToRooms({ op: 'signal', appointment, from, data }),

    /** Hears the visit's news without entering its room; the answer stops it. */
    watch(appointment: string, send: Send, close: Close): () => void {
      const set = watchers.get(appointment) ?? new Set()
      watchers.set(appointment, set)
      const watcher = { send, close }
      set.add(watcher)
      return () => {
        set.delete(watcher)
        if (set.size === 0 && watchers.get(appointment) === set) watchers.delete(appointment)
      }
    },

    /** Hears that a message reached this person's inbox (any page of theirs that is open); the answer stops it. */
    listenToInbox(userId: string, send: Send): () => void {
      const set = inboxes.get(userId) ?? new Set()
      inboxes.set(userId, set)
      set.add(send)
      return () => {
        set.delete(send)
        if (set.size === 0 && inboxes.get(userId) === set) inboxes.delete(userId)
      }
    },

    /** On shutdown: frees this process's places in the rooms and tells the other processes' rooms. */
    async close() {
      unsubscribe()
      stopResuming()
      for (const appointment of await presence.close()) await sendToRooms({ op: 'presence', appointment })
    },
  }
}

export type LiveRooms = ReturnType<typeof liveRooms>
