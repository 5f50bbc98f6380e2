import { error } from '@sveltejs/kit'
import { api, query } from './api.ts'
import { requireSignIn } from './session.ts'
import type { Doctor } from '$documents'

export type DoctorSelf = { id: number | string; name: string; timeZone: string }

/** The signed-in doctor's profile at this clinic; sends anyone else to sign in or away. */
export async function doctorSelf(locals: App.Locals, url: URL): Promise<DoctorSelf> {
  requireSignIn(locals, url)
  if (locals.user.role !== 'doctor') error(403, 'This part of the site is for the clinic’s doctors.')
  const q = query({ where: { user: { equals: locals.user.id }, tenant: { equals: locals.clinic!.id } }, depth: 0, limit: 1 })
  const { docs } = await api<{ docs: Pick<Doctor, 'id' | 'displayName' | 'timeZone'>[] }>(locals, `/api/doctors?${q}`)
  if (!docs[0]) error(403, 'You have no doctor profile at this clinic. Ask the clinic’s administrator.')
  return { id: docs[0].id, name: docs[0].displayName, timeZone: docs[0].timeZone }
}
