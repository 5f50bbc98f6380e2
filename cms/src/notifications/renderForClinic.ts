import type { PayloadRequest } from 'payload'
import { env } from '@telemed/config'
import type { Tenant } from '../payload-types.ts'
import { idOf } from '../access/roles.ts'
import { lookup } from '../database/index.ts'
import { brandPalette, themePalette, type BrandColors } from '../collections/Tenants/brand/palette.ts'
import { renderNotification, type NotificationEvent, type RenderedMessage, type TemplateOverride } from './templates/index.ts'

/** The platform's own look, for messages to someone of no clinic (a platform admin's password reset). */
export const PLATFORM_LOOK = { name: 'Telemed', color: '#2563eb', theme: 'default' }

type ClinicDoc = Pick<Tenant, 'name'> & { theme?: unknown; brand?: unknown; notifications?: unknown; logoUrl?: string | null }

/**
 * One event's message in a clinic's look and words: its theme, its colour, its
 * own templates (Clinics → Notifications → Templates), its site for the links.
 * Without a clinic, the platform's look and the default theme.
 */
export function renderForClinic(
  clinic: ClinicDoc | null,
  site: string,
  event: NotificationEvent,
  values: Record<string, unknown>,
): Promise<RenderedMessage> {
  // The colour the clinic's site is drawn with: its brand kit's over its theme's.
  const color = clinic ? brandPalette(themePalette(clinic.theme), (clinic.brand ?? {}) as BrandColors).primary : PLATFORM_LOOK.color
  const overrides = (clinic?.notifications as { templates?: TemplateOverride[] | null } | undefined)?.templates ?? []
  return renderNotification(event, {
    clinic: {
      name: clinic?.name ?? PLATFORM_LOOK.name,
      color,
      logoUrl: clinic?.logoUrl ?? null,
      siteUrl: site,
      theme: String(clinic?.theme ?? PLATFORM_LOOK.theme),
    },
    values,
    overrides,
  })
}

/**
 * The clinic's uploaded logo as mail programs show it: its 96 px high copy when
 * it is a PNG or JPEG, else its square PNG (Outlook shows no WebP), at an
 * absolute address on the platform (images are public). Null without an upload:
 * a theme's logo is SVG, which mail programs do not show, so the layout writes
 * the clinic's name instead.
 */
export async function emailLogoOf(req: PayloadRequest, brand: unknown): Promise<string | null> {
  const id = idOf((brand as { logo?: unknown } | null | undefined)?.logo)
  if (id === null || id === undefined) return null
  const image = await lookup.byId(req, 'media', id, { mimeType: true, sizes: true })
  if (!image) return null
  const sizes = image.sizes as Record<string, { url?: string | null } | undefined> | undefined
  const path = /^image\/(png|jpeg)$/.test(String(image.mimeType)) ? (sizes?.header?.url ?? sizes?.icon192?.url) : sizes?.icon192?.url
  if (!path) return null
  return path.startsWith('http') ? path : `${env().PUBLIC_URL.replace(/\/$/, '')}${path}`
}
