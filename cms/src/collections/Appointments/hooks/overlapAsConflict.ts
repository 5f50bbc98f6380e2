import type { AfterErrorHook } from 'payload'
import { overlapKind } from '../../../scheduling/bookingGuard.ts'
import { OVERLAP_MESSAGE, PATIENT_OVERLAP_MESSAGE } from './refuseOverlap.ts'

/** When the database guard refuses an overlapping visit, the client gets 409 and a sentence, not a 500. */
export const overlapAsConflict: AfterErrorHook = ({ error }) => {
  const kind = overlapKind(error)
  if (!kind) return
  return { status: 409, response: { errors: [{ message: kind === 'doctor' ? OVERLAP_MESSAGE : PATIENT_OVERLAP_MESSAGE }] } }
}
