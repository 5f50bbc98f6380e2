import type { Access, PayloadRequest, Where } from 'payload'
import { inMyClinics, isPlatformAdmin, myPatientsDocuments, roleOf, userOf } from './roles.ts'

/**
 * The rule shared by every piece of a patient's health data (appointments,
 * records, prescriptions): the patient sees their own; a doctor sees the data of
 * the patients they have visits with, at the clinic of those visits; a clinic admin sees
 * their clinics; a platform admin sees everything.
 */
export async function clinicalScope(req: PayloadRequest, patientField = 'patient'): Promise<boolean | Where> {
  const user = userOf(req)
  if (!user) return false
  switch (user.role) {
    case 'platform-admin':
      return true
    case 'clinic-admin':
      return inMyClinics(req)
    case 'doctor':
      return myPatientsDocuments(req, patientField)
    case 'patient':
      return { [patientField]: { equals: user.id } }
    default:
      return false
  }
}

/** Clinical documents are never deleted through the API, except by a platform admin. */
export const onlyPlatformAdmin: Access = ({ req }) => isPlatformAdmin(req)

/** Signed in with one of `roles`. Ownership of what is written is checked by the collection's hooks. */
export const signedInAs =
  (...roles: string[]): Access =>
  ({ req }) =>
    roles.includes(roleOf(req) ?? '')
