import { idOf } from '../access/roles.ts'
import { lookup } from '../database/index.ts'
import { json, problem } from '../http/endpoint.ts'
import { visitAction, saveVisit } from '../http/loadVisit.ts'
import { joinWindow } from './joinWindow.ts'
import { providerFor } from '../plugins/providers.ts'

/**
 * `POST /api/appointments/:id/recording-consent` `{ consent: true | false }`: the
 * visit's patient agrees to the call being recorded, or withdraws (which stops a
 * recording that is running, at once).
 */
export const recordingConsent = visitAction('/:id/recording-consent', async (req, { visit, actor, body }) => {
  if (actor !== 'patient') return problem(403, 'Only the patient decides whether their visit may be recorded.')
  if (typeof body.consent !== 'boolean') return problem(400, 'Say consent: true to allow recording, or false to refuse it.', 'consent')
  if (!body.consent) await (await providerFor(req.payload, 'video', idOf(visit.tenant))).stopRecording?.(String(visit.id))
  const updated = await saveVisit(req, visit, { recordingConsent: body.consent ? new Date().toISOString() : null })
  return json(200, { recordingConsent: updated.recordingConsent ?? null })
})

/**
 * `POST /api/appointments/:id/recording` `{ action: 'start' | 'stop' }`: the
 * visit's doctor records the call, only when the clinic allows recording, the
 * patient consented for this visit, the call is open and the video service
 * records. Everyone in the call is told by the video service that it is recorded.
 */
export const recordVisit = visitAction('/:id/recording', async (req, { visit, actor, body }) => {
  if (actor !== 'doctor') return problem(403, 'Only the visit’s doctor records it.')
  if (body.action !== 'start' && body.action !== 'stop') return problem(400, "action is 'start' or 'stop'.", 'action')
  const provider = await providerFor(req.payload, 'video', idOf(visit.tenant))
  if (!provider.startRecording || !provider.stopRecording) return problem(409, 'This clinic’s video service does not record calls.')
  if (body.action === 'stop') return json(200, { stopped: await provider.stopRecording(String(visit.id)) })

  const clinic = await lookup.byId(req, 'tenants', idOf(visit.tenant), { video: true })
  if (!clinic?.video?.recordingAllowed) return problem(403, 'Your clinic does not allow recording visits.')
  if (!visit.recordingConsent) return problem(403, 'The patient has not agreed to this visit being recorded.')
  const window = await joinWindow(req, visit)
  if ('refusal' in window) return problem(403, window.refusal)
  const recording = await provider.startRecording(String(visit.id))
  return 'refused' in recording ? problem(409, recording.refused) : json(201, { recording: recording.id })
})
