import { clinicDoctors, nextFreeByDoctor } from '$lib/server/doctors.ts'
import type { PageServerLoad } from './$types'

/** The clinic's doctors, filtered by specialty and a search over name, title and specialties. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const [doctors, nextFree] = await Promise.all([clinicDoctors(locals), nextFreeByDoctor(locals)])
  const specialties = [...new Set(doctors.flatMap((d) => d.specialties))].sort()
  const specialty = url.searchParams.get('specialty') ?? ''
  const q = (url.searchParams.get('q') ?? '').trim().toLowerCase()
  const shown = doctors.filter(
    (d) =>
      (!specialty || d.specialties.includes(specialty)) &&
      (!q || [d.name, d.title, ...d.specialties, ...d.languages].some((text) => text.toLowerCase().includes(q))),
  )
  return {
    // The cards' fields only: the page's data is serialised into the HTML for the browser.
    doctors: shown.map(({ id, name, title, specialties, photo }) => ({
      id,
      name,
      title,
      specialties,
      photo,
      nextFree: nextFree.get(String(id)) ?? null,
    })),
    specialties,
    specialty,
    q: url.searchParams.get('q') ?? '',
    welcome: url.searchParams.has('welcome'),
  }
}
