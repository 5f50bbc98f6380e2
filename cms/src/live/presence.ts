/** Someone in a visit's live room, as the others see them. */
export type Participant = { userId: string; role: 'patient' | 'doctor'; name: string }

/**
 * Who is in which room, across every server process: one place per person and
 * room, held by one connection (a reconnect takes the place over, so no ghost
 * stays). In memory for one process (memoryPresence); in PostgreSQL for several
 * (postgresPresence.ts).
 */
export interface PresenceStore {
  /** Gives the person's place to `connection`; answers the connection that held it before, if any. */
  claim(appointment: string, participant: Participant, connection: string): Promise<string | null>
  /** Frees the place if `connection` still holds it; answers whether it did (false: a newer connection took over). */
  release(appointment: string, userId: string, connection: string): Promise<boolean>
  /** The people in the room, earliest first. */
  list(appointment: string): Promise<Participant[]>
  /** Told of rooms whose people changed without anyone leaving (a server process died). */
  onExpired?: (appointments: string[]) => void
  /** Frees every place this process holds (it is stopping); answers the rooms concerned. */
  close(): Promise<string[]>
}

/** Presence in this process only: SQLite and MongoDB deployments run one server process. */
export function memoryPresence(): PresenceStore {
  const rooms = new Map<string, Map<string, Participant & { connection: string }>>()
  return {
    async claim(appointment, participant, connection) {
      const room = rooms.get(appointment) ?? new Map()
      rooms.set(appointment, room)
      const earlier = room.get(participant.userId)
      // Deleted first, so the newcomer is listed last, as in PostgreSQL.
      room.delete(participant.userId)
      room.set(participant.userId, { ...participant, connection })
      return earlier?.connection ?? null
    },
    async release(appointment, userId, connection) {
      const room = rooms.get(appointment)
      if (room?.get(userId)?.connection !== connection) return false
      room.delete(userId)
      if (room.size === 0) rooms.delete(appointment)
      return true
    },
    async list(appointment) {
      return [...(rooms.get(appointment)?.values() ?? [])].map(({ userId, role, name }) => ({ userId, role, name }))
    },
    async close() {
      return []
    },
  }
}

/** The presence of the live rooms this process serves (set when its live socket starts). */
export const presenceOf = new WeakMap<object, PresenceStore>()

/**
 * The ids of the people in a visit's live room now, across processes; null when
 * this process serves no live rooms (a worker), so nobody can be known present.
 */
export async function peopleInRoom(payload: object, appointment: string | number): Promise<string[] | null> {
  const presence = presenceOf.get(payload)
  return presence ? (await presence.list(String(appointment))).map((p) => p.userId) : null
}
