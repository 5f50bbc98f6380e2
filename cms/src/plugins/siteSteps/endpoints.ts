import type { Endpoint, PayloadRequest } from 'payload'
import type { SiteBlock, SiteStep, SiteStepInput, TelemedPlugin } from '@telemed/plugin-sdk'
import { json, problem, readBody } from '../../http/endpoint.ts'
import { runStep } from './run.ts'
import { isSlot, pagePath, SLOTS, stepScope, type StepScope } from './scope.ts'
import { checkedValues } from './values.ts'

/** One step as the site receives it: whose, which, its title, and what to show. */
export type StepAnswer = { plugin: string; id: string; title: string; block: SiteBlock }

type Declared = { plugin: TelemedPlugin; step: SiteStep }

const inputFor = (scope: StepScope, { plugin, step }: Declared): SiteStepInput => ({
  ...scope.input,
  pageUrl: `${scope.site}${pagePath(step.slot, plugin.name, step.id, scope.input.appointment?.id)}`,
})

const callOf = (scope: StepScope, declared: Declared) => ({ ...declared, clinic: scope.input.clinic.id, site: scope.site })

/**
 * `GET /api/site-steps?slot=<slot>&clinic=<id or slug>&appointment=<id>`: the
 * steps of every plugin for this slot that apply to the signed-in person now,
 * in the plugins' order, each `{ plugin, id, title, block }`. `appointment` is
 * required for `booking.afterTime` and `visit.panel` (the person's own visit at
 * this clinic, else 404) and refused for `account.page`. A step whose `render`
 * answers null is left out; one that fails is logged and left out, never
 * breaking the page.
 */
export const listSteps = (plugins: readonly TelemedPlugin[]): Endpoint => ({
  path: '/site-steps',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return problem(401, 'Sign in first.')
    const url = new URL(req.url!)
    const slot = url.searchParams.get('slot')
    if (!isSlot(slot)) return problem(400, `slot is one of ${SLOTS.join(', ')}.`, 'slot')
    const declared = plugins.flatMap((plugin) => (plugin.siteSteps ?? []).filter((s) => s.slot === slot).map((step) => ({ plugin, step })))
    // No plugin adds to this slot (the usual case): the same empty answer for everyone, without reading the visit
    // (the page that asks has read it already; a second read would be a second entry in the patient's audit trail).
    if (!declared.length) return json(200, [])
    const scope = await stepScope(req, slot, { clinic: url.searchParams.get('clinic'), appointment: url.searchParams.get('appointment') })
    if (scope instanceof Response) return scope
    // Side by side: one slow plugin does not hold up the others' steps.
    const answers = await Promise.all(
      declared.map(async (d): Promise<StepAnswer | null> => {
        const ran = await runStep(req.payload, callOf(scope, d), (ctx) => d.step.render(inputFor(scope, d), ctx))
        return 'block' in ran && ran.block ? { plugin: d.plugin.name, id: d.step.id, title: d.step.title, block: ran.block } : null
      }),
    )
    return json(
      200,
      answers.filter((a) => a !== null),
    )
  },
})

/**
 * `POST /api/site-steps/<plugin>/<step>` `{ clinic, appointment?, values }`:
 * submits the step's form. The same checks as listing; then the step's current
 * form (its `render`) says which fields it has, and `values` must hold only
 * those, as strings of bounded length, the required ones filled in (400
 * otherwise, before the plugin sees anything). Answers the next block as
 * `{ plugin, id, title, block }`.
 */
export const submitStep = (plugins: readonly TelemedPlugin[]): Endpoint => ({
  path: '/site-steps/:plugin/:step',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return problem(401, 'Sign in first.')
    const declared = stepNamed(plugins, req)
    if (!declared) return problem(404, 'There is no such site step.')
    const body = await readBody(req)
    if (body instanceof Response) return body
    const scope = await stepScope(req, declared.step.slot, { clinic: body.clinic, appointment: body.appointment })
    if (scope instanceof Response) return scope
    if (!declared.step.submit) return problem(405, 'This step has nothing to submit.')
    const input = inputFor(scope, declared)
    const current = await runStep(req.payload, callOf(scope, declared), (ctx) => declared.step.render(input, ctx))
    if ('failed' in current) return unavailable()
    if (current.block?.kind !== 'form') return problem(409, 'This step has no form to fill in now: open its page again.')
    const checked = checkedValues(current.block.fields, body.values)
    if ('refusal' in checked) return problem(400, checked.refusal, checked.field ? `values.${checked.field}` : 'values')
    const next = await runStep(req.payload, callOf(scope, declared), (ctx) => declared.step.submit!(input, checked.values, ctx))
    if ('failed' in next || !next.block) return unavailable()
    return json(200, {
      plugin: declared.plugin.name,
      id: declared.step.id,
      title: declared.step.title,
      block: next.block,
    } satisfies StepAnswer)
  },
})

const unavailable = () => problem(502, 'This step is not available right now. Try again in a moment, or contact the clinic.')

function stepNamed(plugins: readonly TelemedPlugin[], req: PayloadRequest): Declared | null {
  const { plugin: pluginName, step: stepId } = (req.routeParams ?? {}) as { plugin?: unknown; step?: unknown }
  const plugin = plugins.find((p) => p.name === pluginName)
  const step = plugin?.siteSteps?.find((s) => s.id === stepId)
  return plugin && step ? { plugin, step } : null
}
