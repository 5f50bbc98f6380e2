import { handlebars, type BrandData, type CompiledTemplate, compileTemplate } from './handlebars.ts'
import { checkTemplate } from './checkTemplate.ts'
import { TEMPLATE_PARTS, isNotificationEvent, valuesOf, type NotificationEvent, type TemplatePart } from './events.ts'
import { safeColor, safeUrl, textColorOn } from './safe.ts'
import { resolveThemeTemplate } from './templateFiles.ts'
import type { ClinicLook, RenderedMessage, TemplateOverride } from './types.ts'

/** Longest subject sent; a longer one (a long announcement title) is cut with an ellipsis. */
export const MAX_SUBJECT_LENGTH = 120

/**
 * Renders every part of one event's message for a clinic, with its branding.
 * Each part comes from the clinic's override if it has one (and it compiles),
 * else the clinic theme's file, else the default theme's. The html body is then
 * set in the (theme's) email layout, and the text body in the text layout.
 *
 * Only the values listed for the event (see EVENT_VALUES) reach the templates;
 * `link` and `unsubscribeLink` only if they are http(s) addresses.
 */
export async function renderNotification(
  event: NotificationEvent,
  input: { clinic: ClinicLook; values: Record<string, unknown>; overrides?: TemplateOverride[] },
): Promise<RenderedMessage> {
  if (!isNotificationEvent(event)) throw new Error(`renderNotification: unknown event ${JSON.stringify(event)}`)
  const { clinic, overrides = [] } = input
  const color = safeColor(clinic.color)
  const brand: BrandData = { color, textColor: textColorOn(color) }
  const values = messageValues(event, clinic, input.values)

  const body = {} as RenderedMessage
  for (const part of TEMPLATE_PARTS) {
    const override = overrides.find((o) => o.event === event && o.part === part)
    body[part] = await renderPart(clinic.theme, event, part, override?.source, values, brand)
  }
  const subject = oneLine(body.subject, MAX_SUBJECT_LENGTH)
  const inApp = oneLine(body.inApp)
  const layoutValues = {
    subject,
    preheader: inApp,
    clinicName: clinic.name || values.clinicName,
    color,
    textColor: brand.textColor,
    logoUrl: safeUrl(clinic.logoUrl),
    siteUrl: safeUrl(clinic.siteUrl),
    unsubscribeLink: values.unsubscribeLink,
  }
  const htmlLayout = await resolveThemeTemplate(clinic.theme, { layout: 'html' })
  const textLayout = await resolveThemeTemplate(clinic.theme, { layout: 'text' })
  return {
    subject,
    html: htmlLayout({ ...layoutValues, body: new handlebars.SafeString(body.html.trim()) }, brand).trim() + '\n',
    text: plainText(textLayout({ ...layoutValues, body: plainText(body.text) }, brand)),
    sms: plainText(body.sms),
    inApp,
  }
}

/** The values a template sees: the event's own only, as text, with the clinic's name by default and unsafe links left out. */
function messageValues(event: NotificationEvent, clinic: ClinicLook, given: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {}
  for (const name of valuesOf(event)) {
    const value = given[name]
    if (typeof value === 'string') values[name] = value
    else if (typeof value === 'number' && Number.isFinite(value)) values[name] = String(value)
  }
  values.clinicName ??= clinic.name
  for (const name of ['link', 'unsubscribeLink']) {
    const url = safeUrl(values[name])
    if (url) values[name] = url
    else delete values[name]
  }
  return values
}

async function renderPart(
  theme: string,
  event: NotificationEvent,
  part: TemplatePart,
  overrideSource: string | undefined,
  values: Record<string, string>,
  brand: BrandData,
): Promise<string> {
  const override = overrideSource === undefined ? null : compiledOverride(overrideSource, part)
  if (override) {
    try {
      return override(values, brand)
    } catch (error) {
      console.error(`a clinic's ${event} ${part} template failed; the theme's is used`, error)
    }
  }
  return (await resolveThemeTemplate(theme, { event, part }))(values, brand)
}

/** Clinic overrides, compiled, by part and source (the same few are used again and again). */
const overrides = new Map<string, CompiledTemplate | null>()
const MAX_CACHED_OVERRIDES = 1000

function compiledOverride(source: string, part: TemplatePart): CompiledTemplate | null {
  const key = `${part}\u0000${source}`
  let template = overrides.get(key)
  if (template === undefined) {
    const check = checkTemplate(source)
    if (check.ok) template = compileTemplate(source, part)
    else {
      console.error(`a clinic's ${part} template is refused (line ${check.line}: ${check.message}); the theme's is used`)
      template = null
    }
    if (overrides.size >= MAX_CACHED_OVERRIDES) overrides.clear()
    overrides.set(key, template)
  }
  return template
}

/** One line, spaces collapsed, cut with an ellipsis past `max` characters (subjects and in-app lines). */
function oneLine(text: string, max = Infinity): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line
}

/** Plain text tidied: no trailing spaces, at most one blank line in a row (block tags leave empty lines). */
function plainText(text: string): string {
  // Line by line, not a regular expression over the whole text: that took seconds on a long run of spaces.
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
