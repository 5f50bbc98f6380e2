import type { FieldAccess } from 'payload'
import { clinicsOf, isPlatformAdmin, roleOf, userOf } from './roles.ts'

/**
 * For fields of a clinic (the Tenants collection): its own clinic admins and
 * platform admins, the only ones to see or change how the clinic is wired
 * (providers, plugin settings). Doctors and patients of the clinic, other
 * clinics' admins and anonymous visitors (clinics are publicly readable) get
 * neither the values nor the right to query them: a query is checked without a
 * document, so only platform admins may filter on these fields. What a clinic's
 * video can do (GET /api/video/capabilities, which names the provider in use) is
 * public on purpose: its site shows patients whether they may invite a guest.
 */
export const clinicAdminsOnly: FieldAccess = ({ req, doc, id }) => {
  if (isPlatformAdmin(req)) return true
  const clinic = (doc as { id?: number | string } | undefined)?.id ?? id
  return roleOf(req) === 'clinic-admin' && clinic !== undefined && clinicsOf(userOf(req)).map(String).includes(String(clinic))
}
