import type { AfterErrorHook } from 'payload'
import { overlapKind } from '../../../scheduling/bookingGuard.ts'
import { timeTakenMessage } from '../../../scheduling/occupancy.ts'

/** When the database guard refuses an overlapping visit, the client gets 409 and a sentence, not a 500. */
export const overlapAsConflict: AfterErrorHook = ({ error }) => {
  const kind = overlapKind(error)
  if (!kind) return
  return { status: 409, response: { errors: [{ message: timeTakenMessage(kind) }] } }
}
