import { error, fail, redirect } from '@sveltejs/kit'
import { api, ApiError, query } from '$lib/server/api.ts'
import { doctorSelf } from '$lib/server/doctorSelf.ts'
import { paragraphs, richTextOf } from '$lib/server/richText.ts'
import { visitOr404, visitsWhere } from '$lib/server/visits.ts'
import type { Actions, PageServerLoad } from './$types'
import type { Prescription, Record as HealthRecord, User } from '$documents'
import { isDocumentId } from '$lib/server/documentId.ts'
import { postRunningLate } from '$lib/server/runningLate.ts'

type PatientDoc = Pick<User, 'id' | 'name' | 'email' | 'patientProfile'>
type RecordDoc = Pick<HealthRecord, 'id' | 'title' | 'kind' | 'createdAt' | 'filename'>
type PrescriptionDoc = Pick<Prescription, 'id' | 'summary' | 'directions' | 'quantity' | 'refills' | 'status' | 'signedAt'>

/** Everything a doctor needs during a visit, each read with the doctor's own token (the API decides what they may see). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const me = await doctorSelf(locals, url)
  const visit = await visitOr404(locals, params.id)
  const patientId = visit.patient.id
  const forPatient = (extra: Record<string, unknown> = {}) =>
    query({
      where: { and: [{ patient: { equals: patientId } }, { tenant: { equals: locals.clinic!.id } }] },
      sort: '-createdAt',
      limit: 50,
      depth: 0,
      ...extra,
    })
  const [patient, previous, records, prescriptions] = await Promise.all([
    api<PatientDoc>(locals, `/api/users/${patientId}?depth=0`),
    // Previous visits: ones that took place (or were missed) before this one, not cancelled requests or holds.
    visitsWhere(
      locals,
      {
        and: [
          { patient: { equals: patientId } },
          { start: { less_than: visit.start } },
          { end: { less_than: new Date().toISOString() } },
          { status: { not_in: ['held', 'cancelled', 'requested'] } },
        ],
      },
      '-start',
      20,
    ),
    api<{ docs: RecordDoc[] }>(locals, `/api/records?${forPatient()}`),
    api<{ docs: PrescriptionDoc[] }>(locals, `/api/prescriptions?${forPatient()}`),
  ])
  const profile = patient.patientProfile ?? {}
  return {
    me,
    visit: { ...visit, notes: paragraphs(visit.visitNotes).join('\n'), mine: String(visit.doctor.id) === String(me.id) },
    patient: {
      name: patient.name,
      email: patient.email,
      dateOfBirth: profile.dateOfBirth ?? null,
      sex: profile.sex ?? null,
      phone: profile.phone ?? null,
      conditions: (profile.conditions ?? []).map((c) => c.name),
      allergies: (profile.allergies ?? []).map((a) => (a.reaction ? `${a.substance} (${a.reaction})` : a.substance)),
      medications: (profile.medications ?? []).map((m) => (m.dose ? `${m.name} ${m.dose}` : m.name)),
    },
    previous,
    records: records.docs,
    prescriptions: prescriptions.docs,
    saved: url.searchParams.get('saved'),
  }
}

const back = (locals: App.Locals, id: string, saved: string) => redirect(303, `${locals.basePath}/doctor/visits/${id}?saved=${saved}`)
const refused = (e: unknown, action: string, values: Record<string, string> = {}) => {
  if (!(e instanceof ApiError)) throw e
  return fail(e.status, { action, values, errors: { [e.field ?? 'form']: e.message } })
}

export const actions: Actions = {
  /** Tells the waiting patient the visit starts late (or clears it); the patient's visit page shows it. */
  runningLate: async ({ locals, params, request }) => {
    const saved = await postRunningLate(locals, params.id, await request.formData())
    if ('status' in saved) return saved
    back(locals, params.id, saved.runningLate ? 'running-late' : 'on-time')
  },
  /** Visit notes: plain text in the form, rich text (Lexical) on the appointment. */
  notes: async ({ locals, params, request }) => {
    const notes = String((await request.formData()).get('notes') ?? '')
    if (notes.length > 20_000)
      return fail(400, { action: 'notes', values: { notes }, errors: { notes: 'Notes are limited to 20,000 characters.' } })
    try {
      await api(locals, `/api/appointments/${encodeURIComponent(params.id)}`, { method: 'PATCH', body: { visitNotes: richTextOf(notes) } })
    } catch (e) {
      return refused(e, 'notes', { notes })
    }
    back(locals, params.id, 'notes')
  },
  complete: async ({ locals, params }) => {
    try {
      await api(locals, `/api/appointments/${encodeURIComponent(params.id)}/complete`, { method: 'POST' })
    } catch (e) {
      return refused(e, 'status')
    }
    back(locals, params.id, 'completed')
  },
  /** A requested visit, confirmed by its doctor: the patient's page says Confirmed. */
  confirm: async ({ locals, params }) => {
    try {
      await api(locals, `/api/appointments/${encodeURIComponent(params.id)}/confirm`, { method: 'POST' })
    } catch (e) {
      return refused(e, 'status')
    }
    back(locals, params.id, 'confirmed')
  },
  /** Cancelled by the doctor, with the reason the patient reads on their visit's page. */
  cancel: async ({ locals, params, request }) => {
    const reason = String((await request.formData()).get('reason') ?? '').trim()
    if (!reason) return fail(400, { action: 'cancel', values: { reason }, errors: { reason: 'Tell the patient in a few words why the visit is cancelled.' } })
    try {
      await api(locals, `/api/appointments/${encodeURIComponent(params.id)}/cancel`, { body: { reason } })
    } catch (e) {
      return refused(e, 'cancel', { reason })
    }
    back(locals, params.id, 'cancelled')
  },
  noShow: async ({ locals, params }) => {
    try {
      await api(locals, `/api/appointments/${encodeURIComponent(params.id)}/no-show`, { method: 'POST' })
    } catch (e) {
      return refused(e, 'status')
    }
    back(locals, params.id, 'no-show')
  },
  /** A prescription starts as a draft; the doctor signs it in a second step. */
  prescribe: async ({ locals, params, request, url }) => {
    const me = await doctorSelf(locals, url)
    const visit = await visitOr404(locals, params.id)
    const form = await request.formData()
    const values = Object.fromEntries(
      ['name', 'strength', 'dosageForm', 'directions', 'quantity', 'refills'].map((k) => [k, String(form.get(k) ?? '').trim()]),
    )
    const errors: Record<string, string> = {}
    if (!values.name) errors.name = 'Name the medication.'
    if (!values.directions) errors.directions = 'Write the directions for the patient.'
    const quantity = Number(values.quantity)
    if (!Number.isInteger(quantity) || quantity < 1) errors.quantity = 'A whole number, at least 1.'
    const refills = Number(values.refills || 0)
    if (!Number.isInteger(refills) || refills < 0 || refills > 12) errors.refills = 'A whole number from 0 to 12.'
    if (Object.keys(errors).length) return fail(400, { action: 'prescribe', values, errors })
    try {
      await api(locals, '/api/prescriptions', {
        body: {
          tenant: locals.clinic!.id,
          patient: visit.patient.id,
          doctor: me.id,
          appointment: visit.id,
          medication: { name: values.name, strength: values.strength, form: values.dosageForm },
          directions: values.directions,
          quantity,
          refills,
          status: 'draft',
        },
      })
    } catch (e) {
      return refused(e, 'prescribe', values)
    }
    back(locals, params.id, 'draft')
  },
  sign: async ({ locals, params, request }) => {
    const id = String((await request.formData()).get('prescription') ?? '')
    if (!isDocumentId(id)) error(400, 'Which prescription?')
    try {
      await api(locals, `/api/prescriptions/${id}`, { method: 'PATCH', body: { status: 'signed' } })
    } catch (e) {
      return refused(e, 'sign')
    }
    back(locals, params.id, 'signed')
  },
}
