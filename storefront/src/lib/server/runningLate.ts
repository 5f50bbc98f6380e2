import { fail } from '@sveltejs/kit'
import { api, ApiError } from './api.ts'
import { visitOr404 } from './visits.ts'

/**
 * The doctor's "running late" form, shared by their visit page and the call page:
 * posts the chosen minutes (0 clears) to the API, which decides who may say it.
 * Only for a visit of this site's clinic (a doctor of two clinics acts on each
 * clinic's visits from that clinic's site).
 */
export async function postRunningLate(locals: App.Locals, visitId: string, form: FormData) {
  await visitOr404(locals, visitId)
  const raw = String(form.get('minutes') ?? '')
  const minutes = Number(raw)
  if (raw === '' || !Number.isInteger(minutes))
    return fail(400, { action: 'runningLate', errors: { minutes: 'Choose how late the visit starts, or On time.' } })
  let saved: { runningLateSetAt: string | null }
  try {
    saved = await api(locals, `/api/appointments/${encodeURIComponent(visitId)}/running-late`, { body: { minutes } })
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    return fail(e.status, { action: 'runningLate', errors: { minutes: e.message } })
  }
  return { action: 'runningLate', runningLate: minutes, setAt: saved.runningLateSetAt }
}
