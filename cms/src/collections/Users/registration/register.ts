import { ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import type { Tenant, User } from '../../../payload-types.ts'
import { json, problem, readBody } from '../../../http/endpoint.ts'
import { clinicLink, clinicSender, returnPath } from '../../../email/clinicLink.ts'
import { AWAITING_CONFIRMATION, CONFIRMATION_HOURS, newConfirmation } from '../auth/emailConfirmation.ts'
import { spendAsPasswordCheck } from '../auth/passwordCheck.ts'
import { passwordProblem } from '../auth/passwordPolicy.ts'
import { alreadyRegisteredEmail, confirmRegistrationEmail } from './emails.ts'
import { clinicOf } from './clinicOf.ts'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/**
 * `POST /api/users/register` `{ clinic, name, email, password, consent: true, next? }`:
 * a new patient of one clinic (by id or slug), on that clinic's site. The answer
 * is the same whether or not the email already has an account, and takes as
 * long: a new account gets a link to confirm the email; an existing one's
 * holder is told by email, never the visitor. Until confirmed, the account
 * cannot sign in. It is the door of people without an account: a signed-in
 * caller is refused before the email is read (otherwise the account's own
 * rights, checked when opening an account, would answer differently for a
 * new and a known email). `next`, a path of the clinic's site (see
 * returnPath), rides along in the emailed link, so the person comes back to
 * what they were doing (the site checks it again).
 */
export const register: Endpoint = {
  path: '/register',
  method: 'post',
  handler: async (req) => {
    if (req.user) return problem(409, 'You are signed in. Sign out to register a new account.')
    const body = await readBody(req)
    if (body instanceof Response) return body
    const clinic = await clinicOf(req, body.clinic)
    if (!clinic) return problem(422, 'There is no such clinic. Register on the clinic’s own site.', 'clinic')
    const name = text(body.name)
    const email = text(body.email).toLowerCase()
    if (!name || name.length > 120) return problem(400, 'Enter your full name (at most 120 characters).', 'name')
    if (!EMAIL.test(email) || email.length > 254) return problem(400, 'Enter an email address such as name@example.com.', 'email')
    const passwordIssue = passwordProblem(body.password, 'patient', email)
    if (passwordIssue) return problem(400, passwordIssue, 'password')
    if (body.consent !== true) return problem(400, `Accept ${clinic.name}'s consent and terms to register.`, 'consent')

    const input = { clinic, name, email, password: body.password as string, next: returnPath(body.next) }
    const existing = await req.payload.db.findOne<Pick<User, 'id' | 'role' | 'emailConfirmation'>>({
      collection: 'users',
      where: { email: { equals: email } },
      select: { role: true, emailConfirmation: true },
      req,
    })
    if (!existing) await openAccount(req, input)
    else if (AWAITING_CONFIRMATION(existing) && existing.role === 'patient') await renewRegistration(req, existing, input)
    else await tellTheHolder(req, input)
    return json(202, { message: `Check your inbox: we sent a message to ${email} to finish registering.` })
  },
}

type Input = { clinic: Pick<Tenant, 'id' | 'name'>; name: string; email: string; password: string; next: string | null }

/** `&next=…` for a link of the clinic's site, when the registration carried a page to come back to. */
const andNext = (input: Input) => (input.next ? `&next=${encodeURIComponent(input.next)}` : '')

async function openAccount(req: PayloadRequest, input: Input) {
  const { token, stored } = newConfirmation()
  try {
    // As the anonymous visitor: the user hooks check a registration (one clinic, a patient, the consent).
    await req.payload.create({
      collection: 'users',
      req,
      overrideAccess: true,
      depth: 0,
      data: {
        name: input.name,
        email: input.email,
        password: input.password,
        role: 'patient',
        tenants: [{ tenant: input.clinic.id }],
        // Stamped again by the server's clock in recordConsent, as every consent is.
        consents: [{ tenant: input.clinic.id, acceptedAt: new Date().toISOString() }],
        emailConfirmation: stored,
      },
    })
  } catch (error) {
    // The same email registered a moment ago by another request: answer as for any existing account.
    if (error instanceof ValidationError && error.data.errors.some((e) => e.path === 'email')) return tellTheHolder(req, input)
    throw error
  }
  await sendConfirmation(req, input, token)
}

/**
 * The account was never confirmed, so nobody has used it: this registration
 * replaces the earlier one, and a new link goes to the email. Only the email's
 * holder gets the link, and confirming asks for the password chosen last, so a
 * stranger who registered the address first cannot take it over. Nor does
 * anything the stranger chose stay: the account becomes a patient of this one
 * clinic, with this clinic's consent, not also of the clinic the stranger picked.
 * Only a patient's registration is renewed: an account a clinic's admin has
 * since made staff is that clinic's, and its holder is told as for any account.
 */
async function renewRegistration(req: PayloadRequest, existing: Pick<User, 'id'>, input: Input) {
  const { token, stored } = newConfirmation()
  await req.payload.update({
    collection: 'users',
    id: existing.id,
    overrideAccess: true,
    depth: 0,
    data: {
      name: input.name,
      password: input.password,
      emailConfirmation: stored,
      tenants: [{ tenant: input.clinic.id }],
      consents: [{ tenant: input.clinic.id, acceptedAt: new Date().toISOString() }],
    },
  })
  await sendConfirmation(req, input, token)
}

async function tellTheHolder(req: PayloadRequest, input: Input) {
  // As long as hashing a new account's password: the answer's timing tells nothing either.
  await spendAsPasswordCheck(input.password)
  const [signIn, reset] = await Promise.all([
    clinicLink(req, input.clinic.id, input.next ? `/signin?next=${encodeURIComponent(input.next)}` : '/signin'),
    clinicLink(req, input.clinic.id, '/forgot-password'),
  ])
  // Sent after the answer (see email/emailAdapter.ts): the answer is the same either way.
  await req.payload.sendEmail({
    from: clinicSender(req.payload, input.clinic.name),
    to: input.email,
    ...alreadyRegisteredEmail(input.clinic.name, signIn, reset),
  })
}

async function sendConfirmation(req: PayloadRequest, input: Input, token: string) {
  const link = await clinicLink(req, input.clinic.id, `/confirm-email?token=${encodeURIComponent(token)}${andNext(input)}`)
  await req.payload.sendEmail({
    from: clinicSender(req.payload, input.clinic.name),
    to: input.email,
    ...confirmRegistrationEmail(input.clinic.name, link, CONFIRMATION_HOURS),
  })
}
