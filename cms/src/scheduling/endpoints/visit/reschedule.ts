import { idOf } from '../../../access/roles.ts'
import { lookup } from '../../../database/index.ts'
import { computeSlots } from '../../computeSlots.ts'
import { loadCalendar } from '../../loadCalendar.ts'
import { json, problem } from '../../../http/endpoint.ts'
import { saveVisit, visitAction } from '../../../http/loadVisit.ts'
import { cutoffPassed } from '../../cutoff.ts'
import { blocksTime, timeTakenMessage } from '../../occupancy.ts'

/**
 * `POST /api/appointments/:id/reschedule` `{ start }`: moves the visit to another
 * free slot of the same doctor. Same cutoff as cancelling for patients; never
 * into the past; the database guard still has the last word on overlaps.
 */
export const rescheduleVisit = visitAction('/:id/reschedule', async (req, { visit, actor, body }) => {
  const start = typeof body.start === 'string' ? Date.parse(body.start) : NaN
  if (Number.isNaN(start)) return problem(400, 'start must be an ISO instant such as 2026-12-01T14:00:00Z.', 'start')
  if (!blocksTime(visit.status)) return problem(409, `A ${visit.status} visit cannot be moved.`)
  if (actor === 'patient') {
    const cutoff = await cutoffPassed(req, visit)
    if (cutoff !== null) return problem(409, `Visits can be moved online until ${cutoff} hours before they start. Please call the clinic.`)
  }
  const doctor = (await lookup.byId(req, 'doctors', idOf(visit.doctor)))!
  const length = Date.parse(visit.end) - Date.parse(visit.start)
  const { availability, busy } = await loadCalendar(req.payload, doctor, start, start + length)
  const others = busy.filter((b) => !(b.start === Date.parse(visit.start) && b.end === Date.parse(visit.end)))
  const now = Date.now()
  const bookable = (list: typeof busy) =>
    computeSlots({ availability, busy: list, from: start, to: start + length, now }).some((s) => s.start === start)
  if (!bookable(others)) {
    return bookable([])
      ? problem(409, timeTakenMessage('doctor'), 'start')
      : problem(422, "This is not one of the doctor's bookable times. Pick a time from the list of free slots.", 'start')
  }
  const doc = await saveVisit(req, visit, { start: new Date(start).toISOString(), end: new Date(start + length).toISOString() })
  return json(200, { doc, message: 'The visit is moved.' })
})
