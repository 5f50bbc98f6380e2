import Handlebars from 'handlebars'
import { safeUrl } from './safe.ts'
import type { TemplatePart } from './events.ts'

/**
 * The platform's own Handlebars, apart from the global one (plugins may use that).
 * Besides the built-in blocks `if` and `unless` it knows one helper:
 *
 *   {{button link "View your appointment"}}
 *
 * an email button in the clinic's colour, with the address written out under it
 * for clients that hide buttons. For the html part only. The address must be
 * http(s), else the button is left out; the label is escaped.
 */
export const handlebars = Handlebars.create()

/** What the helpers read of the clinic, passed as Handlebars' private data (not as values). */
export type BrandData = { color: string; textColor: string }

/** The helpers templates may call; checkTemplate refuses any other. */
export const HELPERS = ['if', 'unless', 'button'] as const

handlebars.unregisterHelper('log')
handlebars.unregisterHelper('lookup')

handlebars.registerHelper('button', function (this: unknown, url: unknown, label: unknown, options: Handlebars.HelperOptions) {
  const href = safeUrl(url)
  if (!href) return ''
  const brand = (options.data as { brand?: BrandData } | undefined)?.brand ?? { color: '#2563eb', textColor: '#ffffff' }
  const e = handlebars.escapeExpression
  // On a light brand colour the written-out address is drawn in body text colour, to stay readable on white.
  const linkColor = brand.textColor === '#ffffff' ? brand.color : '#0f172a'
  const text = e(typeof label === 'string' && label.trim() ? label : 'Open')
  return new handlebars.SafeString(
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0 8px 0;"><tr>` +
      `<td align="center" bgcolor="${brand.color}" style="background-color:${brand.color};border-radius:6px;">` +
      `<a href="${e(href)}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;font-weight:bold;line-height:20px;color:${brand.textColor};text-decoration:none;border-radius:6px;">${text}</a>` +
      `</td></tr></table>` +
      `<p style="margin:0 0 16px 0;font-size:13px;line-height:20px;color:#475569;">Or open this address: <a href="${e(href)}" target="_blank" style="color:${linkColor};word-break:break-all;">${e(href)}</a></p>`,
  )
})

/** A compiled template: values in, text out. */
export type CompiledTemplate = (values: Record<string, unknown>, brand: BrandData) => string

/**
 * Compiles one template for its part: html escapes every `{{value}}`; the plain-text
 * parts do not (an email's text body and an SMS are not HTML, so "O'Brien & Sons"
 * stays as it is). Throws on a syntax error, at once rather than at first use.
 */
export function compileTemplate(source: string, part: TemplatePart | 'layout.html' | 'layout.text'): CompiledTemplate {
  const isHtml = part === 'html' || part === 'layout.html'
  handlebars.parse(source)
  const template = handlebars.compile(source, { noEscape: !isHtml, strict: false })
  return (values, brand) => template(values, { data: { brand } })
}
