import type { OpeningHours } from '../contact/openingHours.ts'

/** A visit type the clinic offers, with its price in the clinic's currency. */
export type Service = { name: string; description: string; price: number; minutes: number | null }
export type Question = { question: string; answer: string }

/** The home page as the clinic's admins wrote it (Clinics → Home page); empty parts fall back to the site's copy. */
export type ClinicHome = {
  heroHeading: string
  heroText: string
  /** An image of the clinic's `media`, by id (read by the home page, see server/home.ts). */
  heroImage: number | string | null
  services: Service[]
  faq: Question[]
  openingHours: OpeningHours[]
}

/** The words of a clinic that wrote none (Clinics → Home page): true of every clinic on the platform. */
export const DEFAULT_HERO = {
  heading: 'See a doctor by video, from wherever you are',
  text: 'Book a visit with one of our licensed doctors in a minute, at a time that suits you, shown in your own time zone.',
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
const rows = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter((r) => r && typeof r === 'object') : [])

/** The clinic document's `home` group, as the site uses it: what is missing or malformed is left out, never shown broken. */
export function homeOf(doc: unknown): ClinicHome {
  const home = (doc && typeof doc === 'object' ? doc : {}) as Record<string, unknown>
  const image = home.heroImage
  return {
    heroHeading: text(home.heroHeading),
    heroText: text(home.heroText),
    heroImage:
      typeof image === 'number' || typeof image === 'string'
        ? image
        : image && typeof image === 'object' && 'id' in image
          ? ((image as { id: number | string }).id ?? null)
          : null,
    services: rows(home.services)
      .map((s) => ({
        name: text(s.name),
        description: text(s.description),
        price: typeof s.price === 'number' && s.price >= 0 ? s.price : NaN,
        minutes: typeof s.minutes === 'number' && s.minutes > 0 ? s.minutes : null,
      }))
      .filter((s) => s.name && !Number.isNaN(s.price)),
    faq: rows(home.faq)
      .map((q) => ({ question: text(q.question), answer: text(q.answer) }))
      .filter((q) => q.question && q.answer),
    openingHours: rows(home.openingHours).map((h) => ({ day: String(h.day ?? ''), opens: text(h.opens), closes: text(h.closes) })),
  }
}

/**
 * `1500` in INR → `₹1,500`, `89.5` in USD → `$89.50`, `0` → `Free`: with Intl, as the
 * site shows doctors' fees, without the cents of a round price (as price lists write it).
 */
export const priceLabel = (price: number, currency: string) =>
  price === 0
    ? 'Free'
    : new Intl.NumberFormat('en', { style: 'currency', currency, ...(Number.isInteger(price) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) }).format(price)
