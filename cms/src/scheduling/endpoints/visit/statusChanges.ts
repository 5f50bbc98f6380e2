import type { Endpoint } from 'payload'
import { json, problem } from '../../../http/endpoint.ts'
import { loadVisit, saveVisit } from '../../../http/loadVisit.ts'

type Rule = { to: string; from: string[]; when: 'before-start' | 'after-start'; done: string }

/**
 * The doctor's (or an admin's) moves of a visit's status:
 * confirm a requested visit before it starts; mark a confirmed visit completed
 * or no-show once it has started. Each works once: a second try is a 409.
 */
function statusEndpoint(path: string, rule: Rule): Endpoint {
  return {
    path: `/:id/${path}`,
    method: 'post',
    handler: async (req) => {
      const loaded = await loadVisit(req)
      if (loaded instanceof Response) return loaded
      const { visit, actor } = loaded
      if (actor === 'patient') return problem(403, 'Only the doctor or the clinic can do this.')
      if (!rule.from.includes(visit.status)) return problem(409, `This visit is ${visit.status}; it cannot become ${rule.to}.`)
      const started = Date.parse(visit.start) <= Date.now()
      if (rule.when === 'before-start' && started) return problem(409, 'This visit is in the past and can no longer be confirmed.')
      if (rule.when === 'after-start' && !started) return problem(409, 'This visit has not started yet.')
      const doc = await saveVisit(req, visit, { status: rule.to })
      return json(200, { doc, message: rule.done })
    },
  }
}

export const confirmVisit = statusEndpoint('confirm', {
  to: 'confirmed',
  from: ['requested'],
  when: 'before-start',
  done: 'The visit is confirmed.',
})
export const completeVisit = statusEndpoint('complete', {
  to: 'completed',
  from: ['confirmed'],
  when: 'after-start',
  done: 'The visit is marked completed.',
})
export const markNoShow = statusEndpoint('no-show', {
  to: 'no-show',
  from: ['confirmed'],
  when: 'after-start',
  done: 'The visit is marked as a no-show.',
})
