import { api, query } from './api.ts'
import { paragraphs } from './richText.ts'

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

type DoctorDoc = {
  id: number | string
  displayName: string
  title?: string | null
  specialties?: string[] | null
  languages?: string[] | null
  education?: { entry: string }[] | null
  bio?: unknown
  photo?: { url?: string | null; alt?: string | null } | number | null
  consultationFee?: number | null
  visitMinutes?: number | null
  timeZone: string
}

export const toCard = (d: DoctorDoc): DoctorCard => ({
  id: d.id,
  name: d.displayName,
  title: d.title ?? '',
  specialties: d.specialties ?? [],
  languages: d.languages ?? [],
  education: (d.education ?? []).map((e) => e.entry),
  bio: paragraphs(d.bio),
  photo: d.photo && typeof d.photo === 'object' && d.photo.url ? { url: d.photo.url, alt: d.photo.alt ?? '' } : null,
  fee: d.consultationFee ?? null,
  visitMinutes: d.visitMinutes ?? 30,
  timeZone: d.timeZone,
})

/** The clinic's active doctors, read through the public API. */
export async function clinicDoctors(locals: App.Locals): Promise<DoctorCard[]> {
  const q = query({ where: { tenant: { equals: locals.clinic!.id }, active: { equals: true } }, depth: 1, limit: 200, sort: 'displayName' })
  const { docs } = await api<{ docs: DoctorDoc[] }>(locals, `/api/doctors?${q}`)
  return docs.map(toCard)
}

export async function oneDoctor(locals: App.Locals, id: string): Promise<DoctorCard | null> {
  if (!/^[\w-]{1,40}$/.test(id)) return null
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

/** The first free slot of each of the clinic's doctors in the next `days` days. */
export async function nextFreeByDoctor(locals: App.Locals, days = 14): Promise<Map<string, string>> {
  const from = new Date(Date.now()).toISOString()
  const to = new Date(Date.now() + days * 86_400_000).toISOString()
  const { slots } = await api<{ slots: (Slot & { doctor: number | string })[] }>(
    locals,
    `/api/slots?${query({ clinic: locals.clinic!.slug, from, to })}`,
  )
  const first = new Map<string, string>()
  for (const s of slots) if (!first.has(String(s.doctor))) first.set(String(s.doctor), s.start)
  return first
}
