/**
 * Plugins add to a clinic's site as data, through GET and POST
 * /api/site-steps: a booking step with a form, a visit panel and an account
 * page. Each is shown only to the visit's own patient at that clinic (404 for
 * anyone else, 401 for nobody); a form's values are checked before the plugin
 * sees them; a block that would send the browser to a plain http or javascript:
 * address never reaches the site; a step that throws is skipped and logged
 * under the plugin's name, without what it said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { definePlugin, type SiteBlock, type SiteStepInput } from '@telemed/plugin-sdk'
import { ERROR, withCapturedLogs } from './support/capturedLogs.ts'
import { client, signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { createUser, PASSWORD, type World } from './support/world.ts'

const seen: { step: string; input: SiteStepInput }[] = []
const submitted: Record<string, string>[] = []
const answered = new Set<string>()
let payAt = 'https://pay.example/checkout/1'

const intakeForm: SiteBlock = {
  kind: 'form',
  heading: 'Before your visit',
  text: ['Anything your doctor should know?'],
  fields: [
    { name: 'note', label: 'A note for your doctor', type: 'textarea', required: true },
    { name: 'firstVisit', label: 'This is my first visit', type: 'checkbox' },
  ],
  submitLabel: 'Continue',
}

const extras = definePlugin({
  name: 'clinic-extras',
  siteSteps: [
    {
      id: 'intake',
      slot: 'booking.afterTime',
      title: 'Before your visit',
      render: async (input) => {
        seen.push({ step: 'intake', input })
        return answered.has(input.appointment!.id) ? { kind: 'done' } : intakeForm
      },
      submit: async (input, values) => {
        submitted.push(values)
        answered.add(input.appointment!.id)
        return { kind: 'done' }
      },
    },
    { id: 'pay', slot: 'booking.afterTime', title: 'Pay for the visit', render: async () => ({ kind: 'redirect', url: payAt }) },
    {
      id: 'receipt',
      slot: 'visit.panel',
      title: 'Payment',
      render: async (input) => ({
        kind: 'panel',
        heading: 'Paid',
        text: [`Visit ${input.appointment!.id} is paid.`],
        actions: [{ label: 'See your payments', href: '/account/clinic-extras/payments' }],
      }),
    },
    {
      id: 'broken',
      slot: 'visit.panel',
      title: 'Survey',
      render: async () => {
        throw new Error('the survey failed:\npatient Alice Walker (asthma)')
      },
    },
    {
      id: 'payments',
      slot: 'account.page',
      title: 'Payments',
      render: async (input) => ({ kind: 'panel', heading: 'Your payments', text: [`Receipts go to ${input.user.email}.`] }),
    },
  ],
})

let server: TestServer
let world: World
let logs: Awaited<ReturnType<typeof withCapturedLogs>>
const as: Record<string, Client> = {}

beforeAll(async () => {
  ;({ server, world } = await startWorld({}, { plugins: [extras] }))
  logs = await withCapturedLogs(server)
  const both = await createUser(server.payload, 'both@clinics.test', 'patient', [world.alpha.id, world.beta.id])
  for (const [who, email] of Object.entries({
    patient: world.alpha.patient.email,
    samePatient: world.alpha.otherPatient.email,
    otherClinic: world.beta.patient.email,
    both: both.email,
    doctor: world.alpha.doctorUser.email,
    admin: world.alpha.admin.email,
  }))
    as[who] = await signIn(logs.url, email, PASSWORD)
})
afterAll(async () => {
  await logs?.close()
  await server?.close()
})

const steps = (who: Client, slot: string, clinic: unknown, appointment?: unknown) =>
  who.request('GET', `/api/site-steps?slot=${slot}&clinic=${clinic}${appointment === undefined ? '' : `&appointment=${appointment}`}`)
const submit = (who: Client, step: string, body: unknown) => who.request('POST', `/api/site-steps/clinic-extras/${step}`, body)

describe('the steps of a slot, for the visit’s patient', () => {
  it('are each plugin step that applies, in order, with what the plugin was told', async () => {
    const visit = world.alpha.appointment
    const res = await steps(as.patient!, 'booking.afterTime', world.alpha.id, visit)
    expect(res.status).toBe(200)
    expect(res.body).toEqual([
      { plugin: 'clinic-extras', id: 'intake', title: 'Before your visit', block: intakeForm },
      { plugin: 'clinic-extras', id: 'pay', title: 'Pay for the visit', block: { kind: 'redirect', url: payAt } },
    ])
    const { input } = seen.at(-1)!
    const doc = await server.payload.findByID({ collection: 'appointments', id: visit, depth: 0, overrideAccess: true })
    expect(input).toEqual({
      clinic: { id: String(world.alpha.id), slug: 'alpha' },
      user: { id: String(world.alpha.patient.id), email: world.alpha.patient.email, roles: ['patient'] },
      appointment: { id: String(visit), doctor: String(world.alpha.doctor), start: doc.start, end: doc.end, status: 'confirmed' },
      pageUrl: expect.stringMatching(new RegExp(`^https?://alpha\\.localhost(:\\d+)?/appointments/${visit}/steps/clinic-extras/intake$`)),
    })
  })

  it('shows the visit panel, and the account page by the clinic’s slug too', async () => {
    const panel = await steps(as.patient!, 'visit.panel', world.alpha.id, world.alpha.appointment)
    expect(panel.body.map((s: { id: string; block: SiteBlock }) => [s.id, s.block.kind])).toEqual([['receipt', 'panel']])
    const account = await steps(as.patient!, 'account.page', 'alpha')
    expect(account.body).toEqual([
      {
        plugin: 'clinic-extras',
        id: 'payments',
        title: 'Payments',
        block: { kind: 'panel', heading: 'Your payments', text: [`Receipts go to ${world.alpha.patient.email}.`] },
      },
    ])
  })

  it('asks which slot, clinic and visit in words', async () => {
    expect((await steps(as.patient!, 'checkout', world.alpha.id)).body.errors[0].message).toMatch(/slot is one of booking\.afterTime/)
    expect((await as.patient!.request('GET', '/api/site-steps?slot=account.page')).status).toBe(400)
    expect((await steps(as.patient!, 'visit.panel', world.alpha.id)).body.errors[0].message).toMatch(/Say which visit/)
    expect((await steps(as.patient!, 'account.page', world.alpha.id, world.alpha.appointment)).status).toBe(400)
    expect((await steps(as.patient!, 'account.page', 'no-such-clinic')).status).toBe(404)
    expect((await steps(as.otherClinic!, 'account.page', world.alpha.id)).status).toBe(403)
  })
})

describe('a visit that is not the person’s own, at this clinic', () => {
  it('is "no such appointment" (404) for everyone else, whichever clinic they ask from', async () => {
    const visit = world.alpha.appointment
    const cases: [Client, unknown][] = [
      [as.samePatient!, world.alpha.id],
      [as.otherClinic!, world.beta.id],
      [as.otherClinic!, world.alpha.id],
      [as.both!, world.alpha.id],
      [as.both!, world.beta.id],
      [as.doctor!, world.alpha.id],
      [as.admin!, world.alpha.id],
      // The patient's own visit, asked for by another clinic's site: not there.
      [as.patient!, world.beta.id],
    ]
    for (const [who, clinic] of cases) {
      for (const slot of ['booking.afterTime', 'visit.panel']) {
        const res = await steps(who, slot, clinic, visit)
        expect([res.status, res.body.errors?.[0]?.message]).toEqual([404, 'There is no such appointment.'])
      }
      const posted = await submit(who, 'intake', { clinic, appointment: visit, values: { note: 'hi' } })
      expect(posted.status).toBe(404)
    }
    // An id that no database holds, or not an id at all: the same answer.
    for (const id of ['999999', '99999999999999999999', 'abc'])
      expect((await steps(as.patient!, 'visit.panel', world.alpha.id, id)).status).toBe(404)
    expect(submitted).toEqual([])
  })

  it('is refused to nobody with 401, before anything is read', async () => {
    const anonymous = client(logs.url)
    expect((await steps(anonymous, 'visit.panel', world.alpha.id, world.alpha.appointment)).status).toBe(401)
    expect((await steps(anonymous, 'account.page', world.alpha.id)).status).toBe(401)
    expect((await submit(anonymous, 'intake', { clinic: world.alpha.id, appointment: world.alpha.appointment, values: {} })).status).toBe(
      401,
    )
  })
})

describe('submitting a step’s form', () => {
  const visit = () => world.alpha.appointment
  const post = (values: unknown) => submit(as.patient!, 'intake', { clinic: world.alpha.id, appointment: visit(), values })

  it('refuses undeclared fields, too long, missing or non-text values with 400, and the plugin never sees them', async () => {
    const refusals: [unknown, RegExp][] = [
      [{ note: 'hi', role: 'admin' }, /no field "role"/],
      [{ note: 'x'.repeat(4001) }, /at most 4000 characters/],
      [{ firstVisit: 'on' }, /A note for your doctor: this is required/],
      [{ note: { $ne: '' } }, /send text/],
      ['note=hi', /values must be an object/],
    ]
    for (const [values, message] of refusals) {
      const res = await post(values)
      expect([res.status, res.body.errors[0].message]).toEqual([400, expect.stringMatching(message)])
    }
    expect(submitted).toEqual([])
  })

  it('hands the plugin the checked values and answers its next block; the step is then done', async () => {
    const res = await post({ note: '  Allergic to penicillin ', firstVisit: 'on' })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ plugin: 'clinic-extras', id: 'intake', title: 'Before your visit', block: { kind: 'done' } })
    expect(submitted).toEqual([{ note: 'Allergic to penicillin', firstVisit: 'on' }])
    const now = await steps(as.patient!, 'booking.afterTime', world.alpha.id, visit())
    expect(now.body[0].block).toEqual({ kind: 'done' })
    // Done: no form left to post to.
    expect((await post({ note: 'again' })).status).toBe(409)
    expect(submitted).toHaveLength(1)
  })

  it('answers 404 for a plugin or step that does not exist, and 405 for a step without a form', async () => {
    expect((await as.patient!.request('POST', '/api/site-steps/nobody/intake', { clinic: world.alpha.id, values: {} })).status).toBe(404)
    expect((await submit(as.patient!, 'nothing', { clinic: world.alpha.id, values: {} })).status).toBe(404)
    expect((await submit(as.patient!, 'payments', { clinic: world.alpha.id, values: {} })).status).toBe(405)
  })
})

describe('a block that breaks the rules, and a step that fails', () => {
  const payStep = async () => {
    const res = await steps(as.patient!, 'booking.afterTime', world.alpha.id, world.alpha.appointment)
    return res.body.find((s: { id: string }) => s.id === 'pay')
  }

  it('never sends the browser to a plain http or javascript: address; the refusal is logged for the plugin’s developer', async () => {
    payAt = 'https://pay.example/checkout/2'
    expect((await payStep()).block).toEqual({ kind: 'redirect', url: payAt })
    for (const url of ['http://pay.example/checkout', 'javascript:alert(document.cookie)', 'data:text/html,<script>1</script>']) {
      payAt = url
      logs.clear()
      expect(await payStep()).toBeUndefined()
      const line = logs.lines().find((l) => l.level >= ERROR)
      expect(line).toMatchObject({ plugin: 'clinic-extras', step: 'pay', reason: 'invalid block', rule: expect.stringMatching(/https/) })
    }
  })

  it('skips a step that throws, logs it under the plugin’s name without its message, and shows the others', async () => {
    logs.clear()
    const res = await steps(as.patient!, 'visit.panel', world.alpha.id, world.alpha.appointment)
    expect(res.status).toBe(200)
    expect(res.body.map((s: { id: string }) => s.id)).toEqual(['receipt'])
    const failed = logs.lines().filter((l) => l.level >= ERROR)
    expect(failed).toEqual([
      expect.objectContaining({ plugin: 'clinic-extras', step: 'broken', slot: 'visit.panel', reason: 'threw', error: 'Error' }),
    ])
    expect(logs.text()).not.toMatch(/Alice|asthma/)
  })
})
