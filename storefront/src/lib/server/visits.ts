import { error } from '@sveltejs/kit'
import { api, ApiError, query } from './api.ts'
import type { VisitStatus } from '../visitStatus.ts'
import { isDocumentId } from './documentId.ts'
import type { Appointment, Doctor, User } from '$documents'

export type Visit = {
  id: number | string
  start: string
  end: string
  status: VisitStatus
  visitType: 'video' | 'chat'
  reason: string
  cancellationReason: string | null
  doctor: { id: number | string; name: string; timeZone: string }
  patient: { id: number | string; name: string }
  visitNotes?: unknown
  /** When the patient agreed to the video call being recorded; null if not. */
  recordingConsent?: string | null
  /** How late the doctor said the visit starts (minutes), and when they said it; null when on time. */
  runningLateMinutes?: number | null
  runningLateSetAt?: string | null
}

/** A visit as the API answers at depth 1, with the fields the viewer may read (visit notes: doctors only). */
type VisitDoc = Omit<Appointment, 'doctor' | 'patient'> & {
  doctor: Pick<Doctor, 'id' | 'displayName' | 'timeZone'> | number
  patient: Pick<User, 'id' | 'name'> | number
}

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: number | string }).id : (v as number | string))

const toVisit = (d: VisitDoc): Visit => ({
  ...d,
  reason: d.reason ?? '',
  cancellationReason: d.cancellationReason ?? null,
  doctor:
    typeof d.doctor === 'object'
      ? { id: d.doctor.id, name: d.doctor.displayName, timeZone: d.doctor.timeZone }
      : { id: d.doctor, name: 'Your doctor', timeZone: 'UTC' },
  patient: typeof d.patient === 'object' ? { id: d.patient.id, name: d.patient.name } : { id: d.patient, name: 'Patient' },
})

/** Visits at this clinic that the signed-in person may see (the API's access rules decide), oldest first. */
export async function visitsWhere(locals: App.Locals, where: Record<string, unknown>, sort = 'start', limit = 100): Promise<Visit[]> {
  const q = query({ where: { and: [{ tenant: { equals: locals.clinic!.id } }, where] }, depth: 1, limit, sort })
  const { docs } = await api<{ docs: VisitDoc[] }>(locals, `/api/appointments?${q}`)
  return docs.map(toVisit)
}

/** One visit of this clinic, or a 404 page: also for a visit that exists but is not the viewer's to see. */
export async function visitOr404(locals: App.Locals, id: string): Promise<Visit> {
  if (!isDocumentId(id)) error(404, 'There is no such visit.')
  try {
    const doc = await api<VisitDoc>(locals, `/api/appointments/${id}?depth=1`)
    if (String(idOf(doc.tenant)) !== String(locals.clinic!.id)) error(404, 'There is no such visit.')
    return toVisit(doc)
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) error(404, 'There is no such visit.')
    throw e
  }
}
