import { api, query } from './api.ts'
import { sameOriginImage } from './media.ts'
import { cachedPublic } from './publicCache.ts'
import type { Media } from '$documents'

export type HeroImage = { url: string; alt: string; width: number | null; height: number | null }

/**
 * The home page's picture: an image of the clinic's own `media` (the admin panel
 * offers only those; read here with the clinic as a condition too, so another
 * clinic's image never shows), served from the visitor's domain (media.ts).
 * Read as an anonymous visitor and cached briefly, like the rest of the page.
 */
export function heroImage(locals: App.Locals, id: number | string | null): Promise<HeroImage | null> {
  const clinic = locals.clinic!
  if (id === null) return Promise.resolve(null)
  return cachedPublic(`hero:${clinic.id}:${id}`, 10_000, async () => {
    const q = query({ where: { id: { equals: id }, tenant: { equals: clinic.id } }, depth: 0, limit: 1 })
    const { docs } = await api<{ docs: Pick<Media, 'url' | 'alt' | 'width' | 'height'>[] }>(
      { ...locals, token: undefined, user: null },
      `/api/media?${q}`,
    )
    const url = sameOriginImage(docs[0]?.url)
    return url ? { url, alt: docs[0]!.alt ?? '', width: docs[0]!.width ?? null, height: docs[0]!.height ?? null } : null
  })
}
