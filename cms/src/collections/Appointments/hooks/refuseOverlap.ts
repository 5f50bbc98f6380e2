import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { idOf, sameId } from '../../../access/roles.ts'
import { overlapCounts } from '../../../scheduling/appointmentQueries.ts'
import { releaseExpiredHolds } from '../../../scheduling/holds.ts'
import { timeTakenMessage } from '../../../scheduling/occupancy.ts'

/**
 * The friendly check: names the conflict before the database has to. The
 * database guard (scheduling/bookingGuard.ts) still decides under concurrency.
 * Expired holds stay in the table until a write needs their time: only when
 * something seems to clash are they removed, and the clash counted again.
 */
type Visit = { doctor: number | string; patient: number | string; start: number; end: number }
const checked = new WeakMap<PayloadRequest, Visit>()

/**
 * The booking endpoint has just read the doctor's and the patient's calendars
 * around `visit` (in one statement) and found them free, with no expired hold in
 * the way: the creation of that visit in this request skips the counts below.
 * The database guard still decides under concurrency, with the same messages.
 */
export function markOverlapChecked(req: PayloadRequest, visit: Visit): void {
  checked.set(req, visit)
}

const isChecked = (req: PayloadRequest, data: Record<string, any>) => {
  const visit = checked.get(req)
  return (
    visit !== undefined &&
    sameId(idOf(data.doctor), visit.doctor) &&
    sameId(idOf(data.patient), visit.patient) &&
    Date.parse(data.start) === visit.start &&
    Date.parse(data.end) === visit.end
  )
}

export const refuseOverlap: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (!data.blocking) return data
  if (operation === 'create' && isChecked(req, data)) return data
  const current = { ...(operation === 'update' ? originalDoc : {}), ...data }
  const visit = {
    ...current,
    doctor: idOf(current.doctor),
    patient: idOf(current.patient),
    blockedStart: data.blockedStart,
    blockedEnd: data.blockedEnd,
  }
  const clashes = () => overlapCounts(req, visit, operation === 'update' ? originalDoc?.id : undefined)
  let found = await clashes()
  if (found.doctor || found.patient) {
    await releaseExpiredHolds(req, { doctor: idOf(current.doctor), patient: idOf(current.patient) })
    found = await clashes()
  }
  if (found.doctor > 0) throw new APIError(timeTakenMessage('doctor'), 409, null, true)
  if (found.patient > 0) throw new APIError(timeTakenMessage('patient'), 409, null, true)
  return data
}
