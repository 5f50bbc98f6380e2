import type { CollectionConfig, FieldAccess } from 'payload'
import { clinicalScope, onlyPlatformAdmin, signedInAs } from './clinical.ts'
import { inMyClinics, isPlatformAdmin, myDoctorProfileIds, myPatientsDocuments, roleOf } from './roles.ts'

/**
 * Appointments. Patients book through the booking endpoint and never write
 * visits directly; clinic admins write their clinics' visits; doctors write
 * visits of patients who are already theirs (see RELATING_STATUSES).
 */
export const appointmentsAccess: CollectionConfig['access'] = {
  // A doctor also sees every visit in their own calendar (a cancelled one too), but nothing more of its patient.
  read: async ({ req }) => {
    if (roleOf(req) !== 'doctor') return clinicalScope(req)
    const [patients, profiles] = await Promise.all([myPatientsDocuments(req), myDoctorProfileIds(req)])
    return { and: [inMyClinics(req), { or: [patients, { doctor: { in: profiles } }] }] }
  },
  // Patients book through POST /api/appointments/book, which checks the slot and the clinic's policy.
  create: signedInAs('platform-admin', 'clinic-admin', 'doctor'),
  update: async ({ req }) => {
    if (isPlatformAdmin(req)) return true
    const role = roleOf(req)
    if (role === 'clinic-admin') return inMyClinics(req)
    if (role === 'doctor') return myPatientsDocuments(req)
    return false
  },
  delete: onlyPlatformAdmin,
}

/** Visit notes are for doctors: not the patient, not the clinic's administrators. */
export const visitNotesAccess: { read: FieldAccess; create: FieldAccess; update: FieldAccess } = {
  read: ({ req }) => roleOf(req) === 'doctor',
  create: ({ req }) => roleOf(req) === 'doctor',
  update: ({ req }) => roleOf(req) === 'doctor',
}
