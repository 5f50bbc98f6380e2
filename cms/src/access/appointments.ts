import type { CollectionConfig, FieldAccess } from 'payload'
import { clinicalScope, onlyPlatformAdmin, signedInAs } from './clinical.ts'
import { inMyClinics, isPlatformAdmin, myPatientIds, roleOf } from './roles.ts'

/**
 * Appointments. Patients book through the booking endpoint and never write
 * visits directly; doctors and clinic admins write the visits of their patients
 * and clinics.
 */
export const appointmentsAccess: CollectionConfig['access'] = {
  read: ({ req }) => clinicalScope(req),
  // Patients book through POST /api/appointments/book, which checks the slot and the clinic's policy.
  create: signedInAs('platform-admin', 'clinic-admin', 'doctor'),
  update: async ({ req }) => {
    if (isPlatformAdmin(req)) return true
    const role = roleOf(req)
    if (role === 'clinic-admin') return inMyClinics(req)
    if (role === 'doctor') return { and: [inMyClinics(req), { patient: { in: await myPatientIds(req) } }] }
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
