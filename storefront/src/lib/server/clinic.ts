import { brandImagesOf, type BrandImages } from './brandImages.ts'
import { cachedPublic } from './publicCache.ts'
import { paragraphs } from './richText.ts'
import type { BrandOverrides } from './theme.ts'
import type { ClinicContact } from '../contact/contact.ts'
import { homeOf, type ClinicHome } from '../home/home.ts'
import { DEFAULT_LOCALE } from '../format.ts'
import type { Tenant } from '$documents'

/** The public face of a clinic, as the storefront needs it. */
export type Clinic = {
  id: number | string
  name: string
  slug: string
  theme: string
  timeZone: string
  /** How the site writes dates and times, e.g. en-US (format.ts). */
  locale: string
  currency: string
  brand: BrandOverrides
  /** The clinic's uploaded logo and icons (null ones: the theme's logo.svg). */
  images: BrandImages
  /** The consent and terms a patient accepts to register, as paragraphs of plain text. */
  terms: string[]
  bookingPolicy: { cancellationCutoffHours: number; approvalRequired: boolean }
  /** Doctors may record video visits whose patient consented. */
  recordingAllowed: boolean
  /** How patients reach the clinic (every page's footer, and wherever the site says to call). */
  contact: ClinicContact
  /** The home page's content and opening hours (Clinics → Home page). */
  home: ClinicHome
  /** The /terms and /privacy pages as stored (Lexical JSON); rendered by richText.ts. */
  legal: { terms: unknown; privacy: unknown }
}

/** A clinic as the public API answers (depth 1: its logo and icon are Media documents); what the public may read. */
type ClinicDoc = Omit<Tenant, 'brand' | 'bookingPolicy' | 'video'> & {
  brand?: Tenant['brand'] | null
  bookingPolicy?: Partial<Tenant['bookingPolicy']> | null
  video?: Partial<Tenant['video']> | null
}

/**
 * Where the storefront reaches Payload's REST API: the same process, over loopback
 * (INTERNAL_API_URL and PORT, declared in config/src/env.ts). Read from process.env:
 * the site imports no code of the core or its config, only shared types.
 */
export const apiBase = () => process.env.INTERNAL_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`

/** `Northwind.localhost:3000` → `northwind.localhost`; null for a missing or malformed header. */
export function hostnameOf(hostHeader: string | null): string | null {
  if (!hostHeader) return null
  const host = hostHeader.trim().toLowerCase()
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]
  return name && /^[a-z0-9.\-[\]:]+$/.test(name) ? name : null
}

/**
 * Finds the clinic that owns `hostname` among the clinics' `domains`, through
 * the public REST API. An unknown host is null: never another clinic's site.
 */
export function findClinicByHost(hostname: string, fetcher: typeof fetch = fetch): Promise<Clinic | null> {
  return cachedPublic(`clinic-host:${hostname}`, CLINIC_TTL_MS, () => findClinic({ 'where[domains.domain][equals]': hostname }, fetcher))
}

/** For deployments on one domain: `/c/<slug>/...`. */
export function findClinicBySlug(slug: string, fetcher: typeof fetch = fetch): Promise<Clinic | null> {
  return cachedPublic(`clinic-slug:${slug}`, CLINIC_TTL_MS, () => findClinic({ 'where[slug][equals]': slug }, fetcher))
}

/** Clinic settings are public and read on every page: kept briefly (see publicCache.ts). */
const CLINIC_TTL_MS = 10_000

async function findClinic(where: Record<string, string>, fetcher: typeof fetch): Promise<Clinic | null> {
  // Depth 1: the clinic's logo and icon come with their resized sizes (see brandImages.ts).
  const query = new URLSearchParams({ ...where, limit: '1', depth: '1' })
  const response = await fetcher(`${apiBase()}/api/tenants?${query}`)
  if (!response.ok) throw new Error(`clinic lookup failed with ${response.status}`)
  const { docs } = (await response.json()) as { docs: ClinicDoc[] }
  const clinic = docs[0]
  return clinic
    ? {
        id: clinic.id,
        name: clinic.name,
        slug: clinic.slug,
        theme: clinic.theme,
        timeZone: clinic.timeZone,
        locale: clinic.locale || DEFAULT_LOCALE,
        currency: clinic.currency ?? 'USD',
        // The brand kit without its images (those are `images`, resolved to same-origin paths).
        brand: {
          tagline: clinic.brand?.tagline,
          // A JSON field the clinic's brand colours are written to (Clinics → Brand), with the theme's colour names.
          palette: clinic.brand?.palette as BrandOverrides['palette'],
          bodyFont: clinic.brand?.bodyFont,
          headingFont: clinic.brand?.headingFont,
        },
        images: brandImagesOf(clinic.brand),
        terms: paragraphs(clinic.terms),
        bookingPolicy: {
          cancellationCutoffHours: clinic.bookingPolicy?.cancellationCutoffHours ?? 24,
          approvalRequired: Boolean(clinic.bookingPolicy?.approvalRequired),
        },
        recordingAllowed: Boolean(clinic.video?.recordingAllowed),
        contact: {
          phone: clinic.contact?.phone?.trim() || null,
          email: clinic.contact?.email?.trim() || null,
          address: clinic.contact?.address?.trim() || null,
        },
        home: homeOf(clinic.home),
        legal: { terms: clinic.terms ?? null, privacy: clinic.home?.privacy ?? null },
      }
    : null
}

/** `/c/northwind/doctors` → `northwind`; null when the path names no clinic. */
export const clinicSlugInPath = (pathname: string) => /^\/c\/([a-z0-9-]+)(?:\/|$)/.exec(pathname)?.[1] ?? null
