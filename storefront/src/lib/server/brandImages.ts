import type { Media } from '$documents'
import { sameOriginImage } from './media.ts'

/** Where the site loads the clinic's uploaded logo and icons from: same-origin paths, or null for the theme's. */
export type BrandImages = {
  /** The logo for the header (96 px high), or null: the theme's logo.svg. */
  logo: string | null
  /** Square PNGs of the logo for a phone's home screen, by size in pixels. */
  appIcons: { 192: string; 512: string } | null
  /** The browser tab's icon: the favicon uploaded, else the logo's small square. */
  tabIcon: string | null
}

/** An image of the Images collection as the API gives it at depth 1 (what is read of it), or its id at depth 0. */
type Image = number | Pick<Media, 'url' | 'sizes'> | null | undefined

const sized = (image: Image, size: keyof NonNullable<Media['sizes']>): string | null =>
  image && typeof image === 'object' ? sameOriginImage(image.sizes?.[size]?.url ?? null) : null

export function brandImagesOf(brand: { logo?: Image; favicon?: Image } | null | undefined): BrandImages {
  const logo = brand?.logo
  const icon192 = sized(logo, 'icon192')
  const icon512 = sized(logo, 'icon512')
  return {
    logo: sized(logo, 'header') ?? (logo && typeof logo === 'object' ? sameOriginImage(logo.url) : null),
    appIcons: icon192 && icon512 ? { 192: icon192, 512: icon512 } : null,
    tabIcon: sized(brand?.favicon, 'icon64') ?? sized(logo, 'icon64'),
  }
}
