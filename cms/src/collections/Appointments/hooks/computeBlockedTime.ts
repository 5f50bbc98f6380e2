import type { CollectionBeforeChangeHook } from 'payload'
import { idOf } from '../../../access/roles.ts'
import { lookup } from '../../../database/index.ts'
import { DOCTOR_FACTS } from '../../../hooks/ownership.ts'
import { blocksTime } from '../../../scheduling/occupancy.ts'

/**
 * Stores what the database's no-overlap guard compares: whether this visit
 * holds time, and the doctor's time it takes including their buffers. Kept on
 * the row so the guard (scheduling/bookingGuard.ts) is one SQL condition.
 */
export const computeBlockedTime: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const current = { ...(operation === 'update' ? originalDoc : {}), ...data }
  const doctorId = idOf(current.doctor)
  const doctor = await lookup.byIdOnce(req, 'doctors', doctorId, DOCTOR_FACTS)
  const start = Date.parse(current.start)
  const end = Date.parse(current.end)
  data.blocking = blocksTime(current.status ?? 'requested')
  data.blockedStart = new Date(start - Number(doctor?.bufferBeforeMinutes ?? 0) * 60_000).toISOString()
  data.blockedEnd = new Date(end + Number(doctor?.bufferAfterMinutes ?? 0) * 60_000).toISOString()
  return data
}
