import { clinicDoctors, nextFreeByDoctor, type DoctorCard } from '$lib/server/doctors.ts'
import type { PageServerLoad } from './$types'

type Listed = Pick<DoctorCard, 'id' | 'name' | 'title' | 'specialties' | 'photo'> & { nextFree: string | null }
type Directory = { cards: Listed[]; specialties: string[] }

/** The directory as the page shows it, made once per cached doctor list and next-free map: the busiest page. */
const directories = new WeakMap<DoctorCard[], WeakMap<Map<string, string>, Directory>>()
function directoryOf(doctors: DoctorCard[], nextFree: Map<string, string>): Directory {
  let byNextFree = directories.get(doctors)
  if (!byNextFree) directories.set(doctors, (byNextFree = new WeakMap()))
  let directory = byNextFree.get(nextFree)
  if (!directory) {
    directory = {
      // The cards' fields only: the page's data is serialised into the HTML for the browser.
      cards: doctors.map(({ id, name, title, specialties, photo }) => ({
        id,
        name,
        title,
        specialties,
        photo,
        nextFree: nextFree.get(String(id)) ?? null,
      })),
      specialties: [...new Set(doctors.flatMap((d) => d.specialties))].sort(),
    }
    byNextFree.set(nextFree, directory)
  }
  return directory
}

/** The clinic's doctors, filtered by specialty and a search over name, title, specialties and languages. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const [doctors, nextFree] = await Promise.all([clinicDoctors(locals), nextFreeByDoctor(locals)])
  const { cards, specialties } = directoryOf(doctors, nextFree)
  const specialty = url.searchParams.get('specialty') ?? ''
  const q = (url.searchParams.get('q') ?? '').trim().toLowerCase()
  const shown =
    specialty || q
      ? cards.filter((_, i) => {
          const d = doctors[i]!
          return (
            (!specialty || d.specialties.includes(specialty)) &&
            (!q || [d.name, d.title, ...d.specialties, ...d.languages].some((text) => text.toLowerCase().includes(q)))
          )
        })
      : cards
  return {
    doctors: shown,
    // Whether the clinic has doctors at all: an empty list means "none yet" or "none match".
    total: cards.length,
    specialties,
    specialty,
    q: url.searchParams.get('q') ?? '',
    welcome: url.searchParams.has('welcome'),
  }
}
