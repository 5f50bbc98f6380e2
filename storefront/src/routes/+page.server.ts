import { visitsWhere } from '$lib/server/visits.ts'
import { clinicDoctors, nextFreeByDoctor } from '$lib/server/doctors.ts'
import { heroImage } from '$lib/server/home.ts'
import { DEFAULT_HERO } from '$lib/home/home.ts'
import { isDocumentId } from '$lib/server/documentId.ts'
import type { PageServerLoad } from './$types'

/** How many doctors the home page introduces; the directory has them all. */
const DOCTORS_SHOWN = 4


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
  // The admin panel's live preview (lib/home/livePreview.ts) asks for the picture chosen in its unsaved form.
  const preview = url.searchParams.get('preview') === 'home'
  const asked = url.searchParams.get('image')
  const imageId = preview && asked !== null ? (isDocumentId(asked) ? asked : null) : clinic.home.heroImage
  const [next, doctors, nextFree, image] = await Promise.all([nextVisit, clinicDoctors(locals), nextFreeByDoctor(locals), heroImage(locals, imageId)])
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
    // In the admin panel's live preview: which picture the page shows, to know when the form chose another.
    preview: preview ? { imageId } : null,
    hero: { heading: heroHeading || DEFAULT_HERO.heading, text: heroText || DEFAULT_HERO.text, image },
    doctors: cards.slice(0, DOCTORS_SHOWN),
    doctorCount: cards.length,
    soonest,
    services,
    faq,
  }
}
