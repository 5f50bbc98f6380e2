import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { clinicsOf, sameId, userOf } from '../access/roles.ts'
import { json, problem, readBody } from '../http/endpoint.ts'
import { isTimeZone } from '../collections/Tenants/validation.ts'
import { clinicRules } from './clinicRules.ts'
import { EVENT_LABELS, type NotificationEvent } from './templates/index.ts'
import { channelsOf, readChoices, TOPICS, TOPIC_NAMES, type Preferences, type Topic } from './preferences.ts'

type Id = number | string
type Person = { id: Id; messagePreferences?: unknown; timeZone?: string | null; patientProfile?: { phone?: string | null } | null }

const readPerson = (req: PayloadRequest, id: Id) =>
  req.payload.db.findOne<Person>({
    collection: 'users',
    where: { id: { equals: id } },
    select: { messagePreferences: true, timeZone: true, patientProfile: { phone: true } },
    req,
  })

/** The platform's own write of the field nobody writes through the collection (see preferences.ts). */
const savePreferences = (req: PayloadRequest, id: Id, preferences: Preferences, timeZone?: string | null) =>
  req.payload.db.updateOne({
    collection: 'users',
    id,
    data: { messagePreferences: preferences, ...(timeZone !== undefined ? { timeZone } : {}) },
    req,
  })

/** A person's choices for one clinic, as the profile page shows them, with the messages the clinic always sends by email. */
const describe = async (req: PayloadRequest, person: Person, clinic: Id) => ({
  clinic,
  alwaysByEmail: (await clinicRules(req.payload, clinic)).alwaysByEmail.map((e) => EVENT_LABELS[e as NotificationEvent] ?? e),
  hasPhone: Boolean(person.patientProfile?.phone),
  timeZone: person.timeZone ?? null,
  topics: TOPIC_NAMES.map((topic) => ({
    topic,
    label: TOPICS[topic].label,
    essential: TOPICS[topic].essential,
    channels: channelsOf(person.messagePreferences, clinic, topic),
  })),
})

const clinicParam = (value: unknown): Id | null =>
  Number.isInteger(value) || (typeof value === 'string' && /^[\w-]{1,40}$/.test(value)) ? (value as Id) : null

/** The signed-in person and the clinic they ask about, one of theirs; or the answer saying why not. */
function memberOf(req: PayloadRequest, clinic: unknown): Id | Response {
  if (!req.user) return problem(401, 'Sign in to choose your messages.')
  const id = clinicParam(clinic)
  if (id === null) return problem(400, 'clinic must be the id of a clinic.', 'clinic')
  if (!clinicsOf(userOf(req)).some((c) => sameId(c, id))) return problem(403, 'You are not a member of this clinic.', 'clinic')
  return id
}

/**
 * `GET /api/notifications/preferences?clinic=ID`: the signed-in person's
 * choices of channels per topic for messages from one of their clinics.
 */
export const readPreferences: Endpoint = {
  path: '/preferences',
  method: 'get',
  handler: async (req) => {
    const clinic = memberOf(req, new URL(req.url!).searchParams.get('clinic'))
    if (clinic instanceof Response) return clinic
    const person = await readPerson(req, req.user!.id)
    return json(200, await describe(req, person!, clinic))
  },
}

/**
 * `POST /api/notifications/preferences` `{ clinic, choices: { reminders: ["email", "sms"], news: [] } }`:
 * the signed-in person's channels per topic for one of their clinics (others
 * are left as they are), and `timeZone` (an IANA name, or null for the clinic's),
 * the zone of the times in all their messages. Essential topics always go by email; SMS needs a
 * phone number in the profile.
 */
export const savePreferencesEndpoint: Endpoint = {
  path: '/preferences',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    if (body instanceof Response) return body
    const clinic = memberOf(req, body.clinic)
    if (clinic instanceof Response) return clinic
    const choices = readChoices(body.choices)
    if (typeof choices === 'string') return problem(400, choices, 'choices')
    const timeZone = body.timeZone === undefined ? undefined : body.timeZone === null || body.timeZone === '' ? null : body.timeZone
    if (timeZone !== undefined && timeZone !== null && !isTimeZone(timeZone))
      return problem(400, 'Choose a time zone from the list, such as Europe/London.', 'timeZone')
    const person = (await readPerson(req, req.user!.id))!
    if (!person.patientProfile?.phone && Object.values(choices).some((c) => c?.includes('sms')))
      return problem(400, 'Add your phone number to your profile to get text messages.', 'choices')
    const preferences = { ...((person.messagePreferences as Preferences | null) ?? {}) }
    preferences[String(clinic)] = { ...preferences[String(clinic)], ...choices }
    await savePreferences(req, person.id, preferences, timeZone)
    return json(
      200,
      await describe(req, { ...person, messagePreferences: preferences, ...(timeZone !== undefined ? { timeZone } : {}) }, clinic),
    )
  },
}

const signature = (payload: Payload, text: string) =>
  createHmac('sha256', payload.secret).update(`unsubscribe:${text}`).digest('base64url').slice(0, 32)

/**
 * The token of a one-click unsubscribe link: who, from which clinic, which
 * topic's emails, signed with the platform's secret. It can only turn those
 * emails off; it never expires, as an unsubscribe link in an old email must work.
 */
export const unsubscribeToken = (payload: Payload, person: Id, clinic: Id, topic: Topic) => {
  const text = `${person}.${clinic}.${topic}`
  return `${text}.${signature(payload, text)}`
}

function readToken(payload: Payload, token: unknown): { person: string; clinic: string; topic: Topic } | null {
  if (typeof token !== 'string' || token.length > 200) return null
  const [person, clinic, topic, given] = token.split('.')
  if (!person || !clinic || !topic || !given || !(topic in TOPICS)) return null
  const expected = Buffer.from(signature(payload, `${person}.${clinic}.${topic}`))
  const got = Buffer.from(given)
  return got.length === expected.length && timingSafeEqual(got, expected) ? { person, clinic, topic: topic as Topic } : null
}

/**
 * `POST /api/notifications/unsubscribe?token=…`: one click (RFC 8058, the
 * `List-Unsubscribe-Post` of every email that is not essential, or the button on
 * the site's unsubscribe page) turns off one topic's emails from one clinic.
 * No sign-in: the signed token is the proof. A POST, never a GET, so a mail
 * scanner following links unsubscribes nobody.
 */
export const unsubscribe: Endpoint = {
  path: '/unsubscribe',
  method: 'post',
  handler: async (req) => {
    const given = readToken(req.payload, new URL(req.url!).searchParams.get('token'))
    if (!given) return problem(400, 'This unsubscribe link is not valid. Choose your messages in your profile instead.', 'token')
    if (TOPICS[given.topic].essential) return problem(400, 'These messages are always sent by email.', 'token')
    const person = await readPerson(req, given.person)
    if (!person) return problem(400, 'This unsubscribe link is not valid. Choose your messages in your profile instead.', 'token')
    const preferences = { ...((person.messagePreferences as Preferences | null) ?? {}) }
    const channels = channelsOf(preferences, given.clinic, given.topic).filter((c) => c !== 'email')
    preferences[given.clinic] = { ...preferences[given.clinic], [given.topic]: channels }
    await savePreferences(req, person.id, preferences)
    return json(200, {
      message: `You will no longer get emails about: ${TOPICS[given.topic].label.toLowerCase()}. They stay in your inbox on the clinic’s site.`,
      topic: given.topic,
    })
  },
}
