import type { Tenant } from '../payload-types.ts'
import { renderNotification, type NotificationEvent, type RenderedMessage, type TemplateOverride } from './templates/index.ts'

/** The platform's own look, for messages to someone of no clinic (a platform admin's password reset). */
export const PLATFORM_LOOK = { name: 'Telemed', color: '#2563eb', theme: 'default' }

type ClinicDoc = Pick<Tenant, 'name'> & { theme?: unknown; brand?: unknown; notifications?: unknown }

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
  const palette = (clinic?.brand as { palette?: { primary?: string } } | undefined)?.palette
  const overrides = (clinic?.notifications as { templates?: TemplateOverride[] | null } | undefined)?.templates ?? []
  return renderNotification(event, {
    clinic: {
      name: clinic?.name ?? PLATFORM_LOOK.name,
      color: palette?.primary ?? PLATFORM_LOOK.color,
      logoUrl: null,
      siteUrl: site,
      theme: String(clinic?.theme ?? PLATFORM_LOOK.theme),
    },
    values,
    overrides,
  })
}
