import type { PayloadRequest, Where } from 'payload'
import { lookup } from '../database/index.ts'

/** The four kinds of account. One account has one role; a patient may belong to several clinics. */
export const ROLES = ['platform-admin', 'clinic-admin', 'doctor', 'patient'] as const
export type Role = (typeof ROLES)[number]

type Id = number | string
type Membership = { tenant?: Id | { id: Id } | null }
export type SessionUser = { id: Id; role?: Role | null; tenants?: Membership[] | null; collection?: string }

export const userOf = (req: PayloadRequest): SessionUser | null => (req.user as SessionUser | null) ?? null
export const roleOf = (req: PayloadRequest): Role | null => userOf(req)?.role ?? null
export const isPlatformAdmin = (req: PayloadRequest) => roleOf(req) === 'platform-admin'
export const isStaff = (req: PayloadRequest) => ['platform-admin', 'clinic-admin', 'doctor'].includes(roleOf(req) ?? '')

/** Ids of the clinics an account belongs to: the signed-in user, an account read, or an account's data being written. */
export function clinicsOf(user: SessionUser | Pick<SessionUser, 'tenants'> | null | undefined): Id[] {
  return (user?.tenants ?? [])
    .map((m) => (m.tenant && typeof m.tenant === 'object' ? m.tenant.id : m.tenant))
    .filter((id): id is Id => id !== null && id !== undefined)
}

export const sameId = (a: unknown, b: unknown) => a !== null && a !== undefined && String(a) === String(b)

/** The id a relationship holds, whether it was read as an id (depth 0) or as the document. */
export function idOf(value: number | { id: number }): number
export function idOf(value: number | { id: number } | null | undefined): number | null
export function idOf(value: unknown): Id | null
export function idOf(value: unknown): Id | null {
  return value && typeof value === 'object' && 'id' in value ? (value as { id: Id }).id : ((value as Id | null | undefined) ?? null)
}

/** A platform admin, or an admin of this clinic (accounts may admin several clinics). */
export const adminsClinic = (req: PayloadRequest, clinic: unknown) =>
  isPlatformAdmin(req) || (roleOf(req) === 'clinic-admin' && clinicsOf(userOf(req)).some((c) => sameId(c, clinic)))

export const inMyClinics = (req: PayloadRequest, field = 'tenant'): Where => ({ [field]: { in: clinicsOf(userOf(req)) } })

/** Memoised per request: the doctor profiles that belong to the signed-in user. */
export async function myDoctorProfileIds(req: PayloadRequest): Promise<Id[]> {
  const user = userOf(req)
  if (user?.role !== 'doctor') return []
  const key = 'telemed.myDoctorProfiles'
  req.context[key] ??= lookup.all(req, 'doctors', { user: { equals: user.id } }, { user: true }).then((docs) => docs.map((d) => d.id))
  return req.context[key] as Promise<Id[]>
}

/**
 * Visits that make a patient "theirs" for a doctor: asked for, booked, held or
 * no-show, and unexpired holds. A cancelled visit grants nothing, and a doctor
 * cannot open a relation themselves: they book only for patients who are
 * already theirs (see the appointments' ownership rule), so the relation always
 * comes from the patient booking or the clinic's admins.
 */
export const RELATING_STATUSES = ['requested', 'confirmed', 'completed', 'no-show'] as const

/**
 * Memoised per request: the patients a doctor has (or had) a visit with, by
 * RELATING_STATUSES, per clinic of the doctor's. A relation is the clinic's: a
 * doctor who works at two clinics and sees a patient at one does not see what
 * the other clinic holds about them.
 */
export async function myPatientsByClinic(req: PayloadRequest): Promise<Map<string, Id[]>> {
  const key = 'telemed.myPatientsByClinic'
  req.context[key] ??= myDoctorProfileIds(req).then(async (doctorIds) => {
    const byClinic = new Map<string, Id[]>()
    if (doctorIds.length === 0) return byClinic
    const relating: Where = {
      or: [
        { status: { in: [...RELATING_STATUSES] } },
        { and: [{ status: { equals: 'held' } }, { holdExpiresAt: { greater_than: new Date().toISOString() } }] },
      ],
    }
    const visits = await lookup.all(
      req,
      'appointments',
      { and: [{ doctor: { in: doctorIds } }, inMyClinics(req), relating] },
      { patient: true, tenant: true },
    )
    for (const visit of visits) {
      const clinic = idOf(visit.tenant)
      const patient = idOf(visit.patient)
      if (clinic === null || patient === null) continue
      const patients = byClinic.get(String(clinic)) ?? []
      if (!patients.some((p) => sameId(p, patient))) patients.push(patient)
      byClinic.set(String(clinic), patients)
    }
    return byClinic
  })
  return req.context[key] as Promise<Map<string, Id[]>>
}

/** The patients a doctor has at any of their clinics (their accounts are one, across clinics). */
export async function myPatientIds(req: PayloadRequest): Promise<Id[]> {
  const all = [...(await myPatientsByClinic(req)).values()].flat()
  return all.filter((id, i) => all.findIndex((other) => sameId(other, id)) === i)
}

/** Whether `patient` is the doctor's patient at `clinic`. */
export async function isMyPatientAt(req: PayloadRequest, clinic: unknown, patient: unknown): Promise<boolean> {
  return ((await myPatientsByClinic(req)).get(String(clinic)) ?? []).some((p) => sameId(p, patient))
}

/** Documents of the doctor's patients, each at the clinic where that patient is theirs. */
export async function myPatientsDocuments(req: PayloadRequest, patientField = 'patient'): Promise<Where> {
  const byClinic = await myPatientsByClinic(req)
  const scopes: Where[] = clinicsOf(userOf(req)).flatMap((clinic) => {
    const patients = byClinic.get(String(clinic))
    return patients?.length ? [{ and: [{ tenant: { equals: clinic } }, { [patientField]: { in: patients } }] }] : []
  })
  return scopes.length ? { or: scopes } : { [patientField]: { in: [] } }
}
