import type { FilterOptionsProps, Option, PayloadRequest, Where } from 'payload'
import { clinicsOf, idOf, userOf } from '../../access/roles.ts'

/**
 * What the admin panel offers a clinic admin in an account's form: only what the
 * server accepts from them (guardRoleAndClinics is the rule; these keep the form
 * from offering choices that it then refuses). Platform admins, and trusted code
 * without a user, are offered everything.
 */

/** Roles: a clinic admin never makes platform admins. */
export const assignableRoles = ({ options, req }: { options: Option[]; req: PayloadRequest }): Option[] =>
  userOf(req)?.role === 'clinic-admin' ? options.filter((option) => (typeof option === 'string' ? option : option.value) !== 'platform-admin') : options

/**
 * Clinics of a membership row: a clinic admin's own clinics, plus the row's
 * current clinic, so a membership of another clinic (an account two clinics
 * share) still shows what it is; the server keeps it from being added or removed.
 */
export const assignableClinics = ({ req, siblingData }: FilterOptionsProps): true | Where => {
  const user = userOf(req)
  if (user?.role !== 'clinic-admin') return true
  const current = idOf((siblingData as { tenant?: unknown } | undefined)?.tenant)
  return { id: { in: current === null ? clinicsOf(user) : [...clinicsOf(user), current] } }
}
