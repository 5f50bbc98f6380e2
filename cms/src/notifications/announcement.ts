import { randomUUID } from 'node:crypto'
import type { Endpoint, PayloadRequest } from 'payload'
import { adminsClinic } from '../access/roles.ts'
import { lookup } from '../database/index.ts'
import { clinicSite } from '../email/clinicLink.ts'
import { json, problem, readBody } from '../http/endpoint.ts'
import { planMessages } from './plan.ts'
import { emailLogoOf, renderForClinic } from './renderForClinic.ts'

const MAX_TITLE = 120
const MAX_MESSAGE = 2000
const YEAR = 365 * 24 * 3_600_000
/** Patients planned per INSERT. */
const BATCH = 500

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/** The clinic's patients' ids (the platform's own read: no audit entry per patient). */
async function patientsOf(req: PayloadRequest, clinic: number | string): Promise<(number | string)[]> {
  const { docs } = await req.payload.db.find<{ id: number | string }>({
    collection: 'users',
    where: { and: [{ 'tenants.tenant': { equals: clinic } }, { role: { equals: 'patient' } }] },
    select: { id: true },
    limit: 0,
    pagination: false,
    req,
  })
  return docs.map((d) => d.id)
}

/**
 * `POST /api/tenants/:id/announcement` `{ title, message, at?, send? }`: news from
 * the clinic to all its patients (a closure, new opening hours), for the clinic's
 * admins and platform admins. Without `send: true` it changes nothing and answers
 * how many patients it would reach and the email as they would get it; with it,
 * the messages are planned, at `at` (an instant within a year) or now, each by the
 * channels its patient chose for the clinic's news (see preferences.ts), and the
 * answer says how many. Words only: no link to a stranger's site can be added.
 */
export const announce: Endpoint = {
  path: '/:id/announcement',
  method: 'post',
  handler: async (req) => {
    const clinic = req.routeParams?.id as string | undefined
    if (!req.user) return problem(401, 'Sign in to write to patients.')
    const mine = adminsClinic(req, clinic)
    if (!clinic || !mine) return problem(403, "Only this clinic's admins write to its patients.")
    const body = await readBody(req)
    if (body instanceof Response) return body
    const title = text(body.title)
    const message = text(body.message)
    if (!title || title.length > MAX_TITLE) return problem(400, `Write a title of 1 to ${MAX_TITLE} characters.`, 'title')
    if (!message || message.length > MAX_MESSAGE) return problem(400, `Write a message of 1 to ${MAX_MESSAGE} characters.`, 'message')
    const at = body.at === undefined || body.at === null || body.at === '' ? Date.now() : Date.parse(String(body.at))
    if (Number.isNaN(at))
      return problem(400, 'at is not a date. Use an instant such as 2026-12-24T09:00:00Z, or leave it out to send now.', 'at')
    if (at < Date.now() - 60_000 || at > Date.now() + YEAR) return problem(400, 'Choose a time from now to a year ahead.', 'at')

    const doc = await lookup.byId(req, 'tenants', clinic, { name: true, theme: true, brand: true, notifications: true })
    if (!doc) return problem(404, 'There is no such clinic.')
    const patients = await patientsOf(req, clinic)
    if (body.send !== true) {
      const site = await clinicSite(req, clinic)
      const preview = await renderForClinic({ ...doc, logoUrl: await emailLogoOf(req, doc.brand) } as never, site, 'announcement', {
        recipientName: 'Maya Patel',
        link: `${site}/inbox`,
        title,
        message,
      })
      return json(200, { recipients: patients.length, preview })
    }
    const id = randomUUID()
    for (let i = 0; i < patients.length; i += BATCH)
      await planMessages(
        req.payload,
        patients.slice(i, i + BATCH).map((recipient) => ({
          tenant: doc.id,
          recipient,
          event: 'announcement' as const,
          kind: 'announcement',
          scheduledFor: new Date(Math.max(at, Date.now())),
          key: `announcement-${id}`,
          details: { title, message },
        })),
      )
    return json(201, {
      recipients: patients.length,
      message: `Planned for ${patients.length} patient${patients.length === 1 ? '' : 's'}, ${at <= Date.now() ? 'now' : `at ${new Date(at).toISOString()}`}.`,
    })
  },
}
