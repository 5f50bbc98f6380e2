import { error } from '@sveltejs/kit'
import { clinicDoctors, nextFreeByDoctor } from '$lib/server/doctors.ts'
import type { PageServerLoad } from './$types'

type Card = { id: number | string; name: string; title: string; specialties: string[]; nextFree: string | null }

/** Each clinic's directory, read once and then kept for good: this page measures rendering, not loading. */
const remembered = new Map<string, Promise<Card[]>>()

async function readOnce(locals: App.Locals): Promise<Card[]> {
  const [doctors, nextFree] = await Promise.all([clinicDoctors(locals), nextFreeByDoctor(locals)])
  return doctors.map(({ id, name, title, specialties }) => ({ id, name, title, specialties, nextFree: nextFree.get(String(id)) ?? null }))
}

/**
 * The storefront benchmark's baseline (bench/storefront.bench.ts): the doctor
 * list's data rendered from memory as a plain list, on the same server and
 * layout. Served only when BENCH_PAGES=1 (config/src/env.ts); a 404 otherwise,
 * as for any unknown page. It shows no more than the public doctor list does.
 */
export const load: PageServerLoad = async ({ locals }) => {
  // process.env, read per request: the site imports no code of the core or its config.
  if (process.env.BENCH_PAGES !== '1' || !locals.clinic) error(404, 'Not found')
  const key = String(locals.clinic.id)
  let cards = remembered.get(key)
  if (!cards) {
    remembered.set(key, (cards = readOnce(locals)))
    cards.catch(() => remembered.delete(key))
  }
  return { doctors: await cards }
}
