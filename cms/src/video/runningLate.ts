import { afterCommit } from '../database/index.ts'
import { publish } from '../live/hub.ts'
import { json, problem } from '../http/endpoint.ts'
import { saveVisit, visitAction } from '../http/loadVisit.ts'

/** The delays a doctor can announce, in minutes; 0 clears the notice. */
export const RUNNING_LATE_CHOICES = [0, 5, 10, 15, 20, 30] as const

/**
 * `POST /api/appointments/:id/running-late` `{ minutes: 0 | 5 | 10 | 15 | 20 | 30 }`:
 * the visit's doctor (or an admin of its clinic) tells the patient in the waiting
 * room that the visit starts late; 0 clears it. Stored on the visit with the time
 * it was said (the patient reads both on load) and sent at once to the people in
 * the visit's live room. Patients, other doctors and other clinics are refused.
 */
export const runningLate = visitAction('/:id/running-late', async (req, { visit, actor, body }) => {
  if (actor === 'patient') return problem(403, 'Only the visit’s doctor or the clinic’s staff say that the visit runs late.')
  const minutes = body.minutes
  if (typeof minutes !== 'number' || !(RUNNING_LATE_CHOICES as readonly number[]).includes(minutes))
    return problem(400, `minutes is one of ${RUNNING_LATE_CHOICES.join(', ')} (0 clears the notice).`, 'minutes')
  if (!['requested', 'confirmed'].includes(visit.status))
    return problem(409, `This visit is ${visit.status}: there is nobody waiting to tell.`)
  const setAt = minutes ? new Date().toISOString() : null
  await saveVisit(req, visit, { runningLateMinutes: minutes || null, runningLateSetAt: setAt })
  // After the commit: a rolled-back change never reaches the waiting room.
  await afterCommit(req, async () => publish(String(visit.id), { type: 'running-late', minutes, setAt }))
  return json(200, { runningLateMinutes: minutes || null, runningLateSetAt: setAt })
})
