import type { Payload, PayloadRequest } from 'payload'
import { lookup } from '../database/index.ts'
import type { Visit } from '../http/loadVisit.ts'
import { joinWindow } from '../video/joinWindow.ts'

/** Platform look-ups outside any request: straight from the database adapter (see lookup.ts). */
const platformReq = (payload: Payload) => ({ payload, context: {} }) as unknown as PayloadRequest

const readVisit = (payload: Payload, appointment: string) =>
  lookup.byId(platformReq(payload), 'appointments', appointment, {
    status: true,
    start: true,
    end: true,
    tenant: true,
  }) as Promise<Visit | null>

/**
 * Whether call signalling may pass now: the visit is confirmed and inside the
 * clinic's join window, the same rule as joining the call (video/joinWindow.ts).
 * Read afresh at every signal, so a visit completed, cancelled or moved while
 * people are in its room stops relaying at once. Two small reads by id.
 */
export async function signallingRefusal(payload: Payload, appointment: string): Promise<string | null> {
  const visit = await readVisit(payload, appointment)
  if (!visit) return 'There is no such visit.'
  const window = await joinWindow(platformReq(payload), visit)
  return 'refusal' in window ? window.refusal : null
}

const OPEN_STATUSES = ['requested', 'confirmed']

/**
 * Whether the visit's room still takes people: a visit asked for or confirmed,
 * whose join window has not closed. Waiting before the window opens is fine; a
 * visit that has ended (completed, cancelled, no-show, or past its window) has
 * no live room any more, and its attendance stays as it was. Its chat stays
 * readable over REST.
 */
export async function roomClosedReason(payload: Payload, appointment: string): Promise<string | null> {
  const visit = await readVisit(payload, appointment)
  if (!visit) return null // the participant check answers for visits that do not exist
  const ended = 'This visit has ended: its chat stays readable on the visit’s page.'
  if (!OPEN_STATUSES.includes(visit.status)) return ended
  // A visit still waiting for confirmation closes when a confirmed one at its time would.
  const window = await joinWindow(platformReq(payload), { ...visit, status: 'confirmed' })
  return 'refusal' in window && window.why === 'too-late' ? ended : null
}
