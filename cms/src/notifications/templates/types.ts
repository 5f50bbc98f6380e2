import type { NotificationEvent, TemplatePart } from './events.ts'

/** One message, ready to send: `html` is the full email document (layout and body), the other parts plain text. */
export type RenderedMessage = Record<TemplatePart, string>

/** What the email layout shows of the clinic. */
export type ClinicLook = {
  name: string
  /** `#rrggbb`; anything else falls back to the default theme's blue. */
  color: string
  /** http(s) only; anything else is left out. */
  logoUrl: string | null
  siteUrl: string
  /** The theme's folder name under themes/; an unknown or malformed one means the default theme. */
  theme: string
}

/** A clinic admin's own version of one part of one event's template. */
export type TemplateOverride = { event: NotificationEvent; part: TemplatePart; source: string }
