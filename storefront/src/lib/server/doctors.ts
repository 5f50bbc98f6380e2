import { api, query } from './api.ts'
import { cachedPublic } from './publicCache.ts'
import { paragraphs } from './richText.ts'
import { isDocumentId } from './documentId.ts'
import { sameOriginImage } from './media.ts'
import type { Doctor, Media } from '$documents'

/** A doctor as the clinic's directory shows them. */
export type DoctorCard = {
  id: number | string
  name: string
  title: string
  specialties: string[]
  languages: string[]
  education: string[]
  bio: string[]
  photo: { url: string; alt: string } | null
  fee: number | null
  visitMinutes: number
  timeZone: string
}

/** A doctor as the public API answers at depth 1 (the portrait a Media document), with the fields the public may read. */
type DoctorDoc = Pick<
  Doctor,
  'id' | 'displayName' | 'title' | 'specialties' | 'languages' | 'education' | 'bio' | 'consultationFee' | 'timeZone'
> &
  Partial<Pick<Doctor, 'visitMinutes'>> & { photo?: Pick<Media, 'url' | 'alt'> | number | null }

/** The portrait, served from the visitor's own domain (see media.ts); null when there is none to show. */
function photoOf(photo: DoctorDoc['photo']): DoctorCard['photo'] {
  const url = photo && typeof photo === 'object' ? sameOriginImage(photo.url) : null
  return url && photo && typeof photo === 'object' ? { url, alt: photo.alt ?? '' } : null
}

export const toCard = (d: DoctorDoc): DoctorCard => ({
  id: d.id,
  name: d.displayName,
  title: d.title ?? '',
  specialties: d.specialties ?? [],
  languages: d.languages ?? [],
  education: (d.education ?? []).map((e) => e.entry),
  bio: paragraphs(d.bio),
  photo: photoOf(d.photo),
  fee: d.consultationFee ?? null,
  visitMinutes: d.visitMinutes ?? 30,
  timeZone: d.timeZone,
})

/** Public reads: as an anonymous visitor, so what is cached is what anyone may see. */
const anonymous = (locals: App.Locals): App.Locals => ({ ...locals, token: undefined, user: null })
const DIRECTORY_TTL_MS = 10_000

/** The clinic's active doctors, read through the public API (cached briefly: the directory is the busiest page). */
export function clinicDoctors(locals: App.Locals): Promise<DoctorCard[]> {
  const clinic = locals.clinic!
  return cachedPublic(`doctors:${clinic.id}`, DIRECTORY_TTL_MS, async () => {
    const q = query({ where: { tenant: { equals: clinic.id }, active: { equals: true } }, depth: 1, limit: 200, sort: 'displayName' })
    const { docs } = await api<{ docs: DoctorDoc[] }>(anonymous(locals), `/api/doctors?${q}`)
    return docs.map(toCard)
  })
}

export async function oneDoctor(locals: App.Locals, id: string): Promise<DoctorCard | null> {
  if (!isDocumentId(id)) return null
  const q = query({ where: { id: { equals: id }, tenant: { equals: locals.clinic!.id }, active: { equals: true } }, depth: 1, limit: 1 })
  const { docs } = await api<{ docs: DoctorDoc[] }>(locals, `/api/doctors?${q}`)
  return docs[0] ? toCard(docs[0]) : null
}

export type Slot = { start: string; end: string }

/** Free slots of one doctor from now for `days` days, as UTC instants. */
export async function freeSlots(locals: App.Locals, doctor: number | string, days = 14): Promise<Slot[]> {
  const from = new Date(Date.now()).toISOString()
  const to = new Date(Date.now() + days * 86_400_000).toISOString()
  const { slots } = await api<{ slots: Slot[] }>(locals, `/api/doctors/${doctor}/slots?${query({ from, to })}`)
  return slots
}

/**
 * The first free slot of each of the clinic's doctors in the next `days` days,
 * cached briefly (the booking page always reads live slots).
 */
export function nextFreeByDoctor(locals: App.Locals, days = 14): Promise<Map<string, string>> {
  const clinic = locals.clinic!
  return cachedPublic(`next-free:${clinic.id}:${days}`, DIRECTORY_TTL_MS, async () => {
    const from = new Date(Date.now()).toISOString()
    const to = new Date(Date.now() + days * 86_400_000).toISOString()
    const { slots } = await api<{ slots: (Slot & { doctor: number | string })[] }>(
      anonymous(locals),
      `/api/slots?${query({ clinic: clinic.slug, from, to, first: 1 })}`,
    )
    return new Map(slots.map((s) => [String(s.doctor), s.start]))
  })
}
