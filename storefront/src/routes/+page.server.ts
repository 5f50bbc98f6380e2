import { visitsWhere } from '$lib/server/visits.ts'
import { clinicDoctors, nextFreeByDoctor } from '$lib/server/doctors.ts'
import { heroImage } from '$lib/server/home.ts'
import type { PageServerLoad } from './$types'

/** How many doctors the home page introduces; the directory has them all. */
const DOCTORS_SHOWN = 4

/** The words of a clinic that wrote none (Clinics → Home page): true of every clinic on the platform. */
const DEFAULT_HEADING = 'See a doctor by video, from wherever you are'
const DEFAULT_TEXT = 'Book a visit with one of our licensed doctors in a minute, at a time that suits you, shown in your own time zone.'

/**
 * The clinic's front door: its own words and picture (from the clinic's settings,
 * read at run time), a few of its doctors with their next free time, its visit
 * types and prices, its questions and answers; for a signed-in patient, their next
 * visit too. A part the clinic left empty shows the site's words, or is left out.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const clinic = locals.clinic!
  const nextVisit =
    locals.user?.role === 'patient'
      ? visitsWhere(
          locals,
          {
            and: [
              { patient: { equals: locals.user.id } },
              { status: { in: ['requested', 'confirmed'] } },
              { end: { greater_than: new Date().toISOString() } },
            ],
          },
          'start',
          1,
        ).then((visits) => visits[0] ?? null)
      : Promise.resolve(null)
  const [next, doctors, nextFree, image] = await Promise.all([nextVisit, clinicDoctors(locals), nextFreeByDoctor(locals), heroImage(locals)])
  const { heroHeading, heroText, services, faq } = clinic.home
  const cards = doctors.map(({ id, name, title, specialties, photo }) => ({
    id,
    name,
    title,
    specialties,
    photo,
    nextFree: nextFree.get(String(id)) ?? null,
  }))
  // The doctor free soonest, for the hero's "next available" card.
  const soonest = cards.filter((d) => d.nextFree).sort((a, b) => a.nextFree!.localeCompare(b.nextFree!))[0] ?? null
  return {
    next,
    reset: url.searchParams.has('reset'),
    hero: { heading: heroHeading || DEFAULT_HEADING, text: heroText || DEFAULT_TEXT, image },
    doctors: cards.slice(0, DOCTORS_SHOWN),
    doctorCount: cards.length,
    soonest,
    services,
    faq,
  }
}
