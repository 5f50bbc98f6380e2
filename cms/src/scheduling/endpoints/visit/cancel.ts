import { json, problem } from '../../../http/endpoint.ts'
import { saveVisit, visitAction } from '../../../http/loadVisit.ts'
import { cutoffPassed } from '../../cutoff.ts'
import { blocksTime } from '../../occupancy.ts'

/**
 * `POST /api/appointments/:id/cancel` `{ reason }`. The patient may cancel until
 * the clinic's cutoff; the doctor and the clinic's admins until the visit starts.
 * The slot is free again at once.
 */
export const cancelVisit = visitAction('/:id/cancel', async (req, { visit, actor, body }) => {
  const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
  if (!reason || reason.length > 1000)
    return problem(400, 'Say in a few words why the visit is cancelled (at most 1000 characters).', 'reason')
  if (!blocksTime(visit.status)) return problem(409, `This visit is already ${visit.status}.`)
  if (Date.parse(visit.start) <= Date.now()) return problem(409, 'This visit has already started; mark it completed or no-show instead.')
  if (actor === 'patient') {
    const cutoff = await cutoffPassed(req, visit)
    if (cutoff !== null)
      return problem(409, `Visits can be cancelled online until ${cutoff} hours before they start. Please call the clinic.`)
  }
  const doc = await saveVisit(req, visit, { status: 'cancelled', cancellationReason: reason })
  return json(200, { doc, message: 'The visit is cancelled.' })
})
