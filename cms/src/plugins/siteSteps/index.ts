import type { Config } from 'payload'
import type { TelemedPlugin } from '@telemed/plugin-sdk'
import { listSteps, submitStep } from './endpoints.ts'
import { isSlot, SLOTS } from './scope.ts'

/** A step's id: part of the site's address of its page (`/account/<plugin>/<step>`). */
const STEP_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/** Refuses at start what would break the site later: a bad id or slot, two steps of one plugin with one id, no title. */
function checkDeclarations(plugins: readonly TelemedPlugin[]) {
  for (const plugin of plugins) {
    const ids = new Set<string>()
    for (const step of plugin.siteSteps ?? []) {
      const where = `The plugin ${plugin.name}'s site step "${step.id}"`
      if (!STEP_ID.test(step.id)) throw new Error(`${where} needs an id of lower-case words joined by dashes, such as "pay".`)
      if (ids.has(step.id)) throw new Error(`${where} is declared twice: give each step its own id.`)
      ids.add(step.id)
      if (!isSlot(step.slot)) throw new Error(`${where} has the slot "${step.slot}"; use one of ${SLOTS.join(', ')}.`)
      if (typeof step.title !== 'string' || !step.title.trim() || step.title.length > 80)
        throw new Error(`${where} needs a title of 1 to 80 characters: it is shown in the booking steps and the account menu.`)
      if (typeof step.render !== 'function') throw new Error(`${where} has no render function.`)
    }
  }
}

/**
 * Adds the endpoints through which the clinic site asks for and submits
 * plugins' site steps (see endpoints.ts and docs/site-steps.md). They are there
 * with or without plugins, so the site's pages never depend on which are on.
 */
export const withSiteSteps = (config: Config, plugins: readonly TelemedPlugin[]): Config => {
  checkDeclarations(plugins)
  return { ...config, endpoints: [...(config.endpoints ?? []), listSteps(plugins), submitStep(plugins)] }
}
