import type { CollectionConfig } from 'payload'
import { inMyClinics, isPlatformAdmin, roleOf, userOf } from './roles.ts'

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
