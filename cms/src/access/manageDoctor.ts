import type { PayloadRequest } from 'payload'
import { lookup } from '../database/index.ts'
import { clinicsOf, idOf, isPlatformAdmin, myDoctorProfileIds, roleOf, sameId, userOf } from './roles.ts'

/**
 * The doctor profile `id` if the signed-in user may manage it (the doctor
 * themselves, their clinic's admins, platform admins), else null: callers answer
 * 404 either way, so nobody learns which doctors exist elsewhere.
 */
export async function manageableDoctor(req: PayloadRequest, id: unknown) {
  if (!req.user) return null
  const doctor = await lookup.byId(req, 'doctors', typeof id === 'string' || typeof id === 'number' ? id : null).catch(() => null)
  if (!doctor) return null
  if (isPlatformAdmin(req)) return doctor
  if (roleOf(req) === 'clinic-admin' && clinicsOf(userOf(req)).some((c) => sameId(c, idOf(doctor.tenant)))) return doctor
  if (roleOf(req) === 'doctor' && (await myDoctorProfileIds(req)).some((d) => sameId(d, doctor.id))) return doctor
  return null
}
