import type { CollectionConfig, FieldAccess } from 'payload'
import { clinicsOf, idOf, inMyClinics, isPlatformAdmin, roleOf, sameId, userOf } from './roles.ts'

/**
 * Doctor profiles are the clinic's public directory: anyone sees active doctors.
 * Staff also see inactive colleagues of their own clinics. Clinic admins manage
 * the profiles of their clinic; a doctor edits their own.
 */
export const doctorsAccess: CollectionConfig['access'] = {
  read: ({ req }) => {
    if (isPlatformAdmin(req)) return true
    const active = { active: { equals: true } }
    const role = roleOf(req)
    if (role === 'clinic-admin' || role === 'doctor') return { or: [active, inMyClinics(req)] }
    return active
  },
  create: ({ req }) => isPlatformAdmin(req) || roleOf(req) === 'clinic-admin',
  update: ({ req }) => {
    if (isPlatformAdmin(req)) return true
    const role = roleOf(req)
    if (role === 'clinic-admin') return inMyClinics(req)
    if (role === 'doctor') return { and: [{ user: { equals: userOf(req)!.id } }, inMyClinics(req)] }
    return false
  },
  delete: ({ req }) => isPlatformAdmin(req) || (roleOf(req) === 'clinic-admin' && inMyClinics(req)),
}

/**
 * The non-public part of a profile (the linked account, the licence number, the
 * hours, buffers and time off with its notes) is read by the doctor themself, the
 * admins of the doctor's clinic and platform admins. Everyone else, patients
 * included, reads what the clinic's site shows. Decided from the signed-in user
 * and the document alone: the directory is a hot path, so no query per doctor.
 *
 * Asked without a document, Payload wants to know whether a query may filter on
 * the field: staff may (the clinic site finds a doctor's own profile by `user`, the
 * admin panel searches licence numbers); what such a query returns still passes
 * this rule document by document.
 */
export const doctorStaffOnly: FieldAccess = ({ req, doc }) => {
  const user = userOf(req)
  if (!user) return false
  if (user.role === 'platform-admin') return true
  if (user.role !== 'clinic-admin' && user.role !== 'doctor') return false
  if (!doc) return true
  if (user.role === 'clinic-admin') return clinicsOf(user).some((clinic) => sameId(clinic, idOf(doc.tenant)))
  return sameId(idOf(doc.user), user.id)
}
