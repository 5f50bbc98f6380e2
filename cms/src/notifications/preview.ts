import type { Endpoint, PayloadRequest } from 'payload'
import { adminsClinic } from '../access/roles.ts'
import { lookup } from '../database/index.ts'
import { clinicSender, clinicSite } from '../email/clinicLink.ts'
import { sendEmailNow } from '../email/emailAdapter.ts'
import { json, problem, readBody } from '../http/endpoint.ts'
import { emailLogoOf, renderForClinic } from './renderForClinic.ts'
import { MAX_TEMPLATE_SOURCE_LENGTH } from './templates/clinicTemplatesField.ts'
import {
  checkTemplate,
  isNotificationEvent,
  SAMPLE_VALUES,
  TEMPLATE_PARTS,
  type NotificationEvent,
  type TemplateOverride,
} from './templates/index.ts'

/** Test emails one admin may ask for per minute (each goes to their own address). */
const TESTS_PER_MINUTE = 5
const testsSent = new Map<string, number[]>()

type Asked = { clinic: number | string; event: NotificationEvent; templates: TemplateOverride[] }

/**
 * What a preview or a test asks: the clinic (its own admins and platform admins
 * only), an event, and the templates as the form holds them now, unsaved (each
 * checked as on save). Without `templates`, the clinic's saved ones.
 */
async function readAsk(req: PayloadRequest): Promise<Asked | Response> {
  const clinic = req.routeParams?.id as string | undefined
  if (!req.user) return problem(401, 'Sign in to preview messages.')
  const mine = adminsClinic(req, clinic)
  if (!clinic || !mine) return problem(403, "Only this clinic's admins preview its messages.")
  const body = await readBody(req)
  if (body instanceof Response) return body
  if (!isNotificationEvent(body.event)) return problem(400, 'Choose the message to preview.', 'event')
  if (body.templates === undefined) return { clinic, event: body.event, templates: await savedTemplates(req, clinic) }
  if (!Array.isArray(body.templates) || body.templates.length > 100) return problem(400, 'templates must be a list of rows.', 'templates')
  const templates: TemplateOverride[] = []
  for (const row of body.templates as Record<string, unknown>[]) {
    if (!isNotificationEvent(row?.event) || !(TEMPLATE_PARTS as readonly unknown[]).includes(row?.part)) continue
    if (typeof row.source !== 'string' || !row.source.trim()) continue
    const check = row.source.length > MAX_TEMPLATE_SOURCE_LENGTH ? null : checkTemplate(row.source)
    if (!check?.ok)
      return problem(
        400,
        `${row.event} ${String(row.part)}: ${check ? `Line ${check.line}: ${check.message}` : `at most ${MAX_TEMPLATE_SOURCE_LENGTH} characters`}`,
        'templates',
      )
    templates.push({ event: row.event, part: row.part as TemplateOverride['part'], source: row.source })
  }
  return { clinic, event: body.event, templates }
}

async function savedTemplates(req: PayloadRequest, clinic: number | string): Promise<TemplateOverride[]> {
  const doc = await lookup.byId(req, 'tenants', clinic, { notifications: true })
  return ((doc?.notifications as { templates?: TemplateOverride[] } | undefined)?.templates ?? []) as TemplateOverride[]
}

/** The sample values' links (written for a sample site), moved onto the clinic's own site. */
const sampleLinksOn = (site: string, event: NotificationEvent) =>
  Object.fromEntries(
    (['link', 'unsubscribeLink'] as const)
      .filter((name) => typeof SAMPLE_VALUES[event][name] === 'string')
      .map((name) => [
        name,
        `${site}${new URL(String(SAMPLE_VALUES[event][name])).pathname}${new URL(String(SAMPLE_VALUES[event][name])).search}`,
      ]),
  )

/** The event rendered with sample values (no one's data) in the clinic's look and the given templates. */
async function render(req: PayloadRequest, { clinic, event, templates }: Asked) {
  const doc = await lookup.byId(req, 'tenants', clinic, { name: true, theme: true, brand: true })
  if (!doc) return null
  const site = await clinicSite(req, clinic)
  const message = await renderForClinic(
    { ...doc, notifications: { templates }, logoUrl: await emailLogoOf(req, doc.brand) } as never,
    site,
    event,
    {
      ...SAMPLE_VALUES[event],
      clinicName: doc.name,
      // The sample's links, on this clinic's own site.
      ...sampleLinksOn(site, event),
    },
  )
  return { name: String(doc.name), message }
}

/**
 * `POST /api/tenants/:id/notification-preview` `{ event, templates? }`: one
 * message in every part (subject, HTML email, text email, SMS, inbox line), with
 * sample values, as the clinic would send it.
 */
export const previewNotification: Endpoint = {
  path: '/:id/notification-preview',
  method: 'post',
  handler: async (req) => {
    const asked = await readAsk(req)
    if (asked instanceof Response) return asked
    const rendered = await render(req, asked)
    return rendered ? json(200, rendered.message) : problem(404, 'There is no such clinic.')
  },
}

/**
 * `POST /api/tenants/:id/notification-test` `{ event, templates? }`: the
 * preview, sent as an email to the admin who asks (never anyone else), a few
 * times a minute at most. Answers once the mail server took it.
 */
export const sendTestNotification: Endpoint = {
  path: '/:id/notification-test',
  method: 'post',
  handler: async (req) => {
    const asked = await readAsk(req)
    if (asked instanceof Response) return asked
    const key = String(req.user!.id)
    const recent = (testsSent.get(key) ?? []).filter((at) => at > Date.now() - 60_000)
    if (recent.length >= TESTS_PER_MINUTE) return problem(429, `At most ${TESTS_PER_MINUTE} test emails a minute: wait a little.`)
    testsSent.set(key, [...recent, Date.now()])
    const rendered = await render(req, asked)
    if (!rendered) return problem(404, 'There is no such clinic.')
    const to = String(req.user!.email)
    try {
      await sendEmailNow(req.payload, {
        to,
        from: clinicSender(req.payload, rendered.name),
        subject: `[Test] ${rendered.message.subject}`,
        html: rendered.message.html,
        text: rendered.message.text,
      })
    } catch (error) {
      return problem(502, `The mail server refused the test: ${(error as Error).message}`)
    }
    return json(200, { message: `Sent to ${to}.` })
  },
}
