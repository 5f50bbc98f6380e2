import { Forbidden, ValidationError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { clinicsOf, idOf, isMyPatientAt, myDoctorProfileIds, sameId, userOf } from '../access/roles.ts'
import { lookup } from '../database/index.ts'

type Rules = {
  /** The role may only write documents about patients it already sees (doctors: their own patients). */
  doctorNeedsExistingPatient?: boolean
}

/** What the checks of a clinical write read of its doctor, once per request (the clinic here, the buffers for visits). */
export const DOCTOR_FACTS = { tenant: true, bufferBeforeMinutes: true, bufferAfterMinutes: true } as const

const invalid = (collection: string, path: string, message: string, req: PayloadRequest) =>
  new ValidationError({ collection, errors: [{ path, message }], req })

/**
 * Keeps every clinical document consistent with who writes it and where it lives:
 * the clinic is one of the writer's clinics, the patient belongs to that clinic,
 * the doctor (if any) practises there, and a patient writes only about themselves.
 * Runs on every write path (REST, admin panel, Local API with a user).
 */
export const enforceClinicalOwnership =
  (rules: Rules = {}): CollectionBeforeChangeHook =>
  async ({ data, originalDoc: stored, req, collection, operation }) => {
    const slug = collection.slug
    // On create Payload may pass a draft as originalDoc; only an update has a stored document.
    const originalDoc = operation === 'update' ? stored : undefined
    const merged = { ...(originalDoc ?? {}), ...data }
    const tenantId = idOf(merged.tenant)
    const patientId = idOf(merged.patient)
    if (!tenantId) throw invalid(slug, 'tenant', 'Choose the clinic this belongs to.', req)
    if (!patientId) throw invalid(slug, 'patient', 'Choose the patient this belongs to.', req)
    if (originalDoc && !sameId(idOf(originalDoc.tenant), tenantId)) {
      throw invalid(slug, 'tenant', 'A clinical document cannot move to another clinic.', req)
    }

    const user = userOf(req)
    if (user && user.role !== 'platform-admin') {
      if (!clinicsOf(user).some((c) => sameId(c, tenantId))) throw new Forbidden(req.t)
      if (user.role === 'patient' && !sameId(patientId, user.id)) throw new Forbidden(req.t)
      if (user.role === 'doctor') {
        const doctorId = idOf(merged.doctor)
        if (doctorId && !(await myDoctorProfileIds(req)).some((d) => sameId(d, doctorId))) throw new Forbidden(req.t)
        if (rules.doctorNeedsExistingPatient && !(await isMyPatientAt(req, tenantId, patientId))) {
          throw new Forbidden(req.t)
        }
      }
    }

    // A patient writing about themselves was read from the database for this request, role and clinics
    // included, and checked above. Anyone else: a count with the membership join (reading the patient
    // would also read every profile array).
    const writesAboutThemselves = user?.role === 'patient' && sameId(patientId, user.id)
    const registered =
      writesAboutThemselves ||
      (await lookup.count(req, 'users', {
        and: [{ id: { equals: patientId } }, { role: { equals: 'patient' } }, { 'tenants.tenant': { equals: tenantId } }],
      }))
    if (!registered) {
      throw invalid(slug, 'patient', 'This patient is not registered with the clinic.', req)
    }
    const doctorId = idOf(merged.doctor)
    if (doctorId) {
      const doctor = await lookup.byIdOnce(req, 'doctors', doctorId, DOCTOR_FACTS)
      if (!doctor || !sameId(idOf(doctor.tenant), tenantId)) {
        throw invalid(slug, 'doctor', 'This doctor does not practise at the clinic.', req)
      }
    }
    return data
  }

/**
 * Validation for a clinical document's `doctor`: present when required. Whether the
 * doctor practises at the document's clinic is enforceClinicalOwnership's job (one
 * light look-up); the multi-tenant plugin's filterOptions would otherwise fetch the
 * whole doctor again through the Local API on every write. The admin panel still
 * uses filterOptions to offer only the clinic's doctors.
 */
export const doctorCheckedByOwnership = (value: unknown, { req, required }: { req: PayloadRequest; required?: boolean }) =>
  required && (value === null || value === undefined || value === '') ? req.t('validation:required') : true
