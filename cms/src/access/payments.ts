import type { CollectionConfig, FieldAccess } from 'payload'
import { inMyClinics, isPlatformAdmin, myDoctorProfileIds, roleOf, userOf } from './roles.ts'

/**
 * Payments. The patient reads their own (receipts on the site); a clinic's
 * admins read their clinic's; a doctor reads those of their own visits, to see
 * whether a visit is paid. Nobody writes them through the API: the platform's
 * payment endpoints do (checkout, mark paid, refund), and money records are never
 * deleted.
 */
export const paymentsAccess: CollectionConfig['access'] = {
  read: async ({ req }) => {
    const user = userOf(req)
    switch (user?.role) {
      case 'platform-admin':
        return true
      case 'clinic-admin':
        return inMyClinics(req)
      case 'doctor':
        return { and: [inMyClinics(req), { doctor: { in: await myDoctorProfileIds(req) } }] }
      case 'patient':
        return { patient: { equals: user.id } }
      default:
        return false
    }
  },
  create: () => false,
  update: () => false,
  delete: () => false,
}

/** The way back to a payment page is the patient's (and the clinic admins'), not the doctor's. */
export const notForDoctors: FieldAccess = ({ req }) => roleOf(req) !== 'doctor'

/** Provider events (webhooks as received): the platform's own bookkeeping, read by platform admins only. */
export const paymentEventsAccess: CollectionConfig['access'] = {
  read: ({ req }) => isPlatformAdmin(req),
  create: () => false,
  update: () => false,
  delete: () => false,
}
