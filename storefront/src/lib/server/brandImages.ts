import { sameOriginImage } from './media.ts'

/** An image of the Images collection as the API gives it at depth 1 (an id at depth 0). */
type MediaDoc = { url?: string | null; mimeType?: string | null; sizes?: Record<string, { url?: string | null } | undefined> | null }

/** Where the site loads the clinic's uploaded logo and icons from: same-origin paths, or null for the theme's. */
export type BrandImages = {
  /** The logo for the header (96 px high), or null: the theme's logo.svg. */
  logo: string | null
  /** Square PNGs of the logo for a phone's home screen, by size in pixels. */
  appIcons: { 192: string; 512: string } | null
  /** The browser tab's icon: the favicon uploaded, else the logo's small square. */
  tabIcon: string | null
}

const sized = (image: unknown, size: string): string | null => {
  if (!image || typeof image !== 'object') return null
  const doc = image as MediaDoc
  return sameOriginImage(doc.sizes?.[size]?.url ?? null)
}

export function brandImagesOf(brand: { logo?: unknown; favicon?: unknown } | null | undefined): BrandImages {
  const logo = brand?.logo
  const icon192 = sized(logo, 'icon192')
  const icon512 = sized(logo, 'icon512')
  return {
    logo: sized(logo, 'header') ?? (logo && typeof logo === 'object' ? sameOriginImage((logo as MediaDoc).url) : null),
    appIcons: icon192 && icon512 ? { 192: icon192, 512: icon512 } : null,
    tabIcon: sized(brand?.favicon, 'icon64') ?? sized(logo, 'icon64'),
  }
}
