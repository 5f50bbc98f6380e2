import type { Payload } from 'payload'
import type { SiteBlock, SiteStep, TelemedPlugin } from '@telemed/plugin-sdk'
import { contextFor } from '../context.ts'
import { checkedBlock, InvalidBlock } from './blocks.ts'

/** How long a plugin's step may take before the page goes on without it. */
export const STEP_TIMEOUT_MS = 10_000

class TimedOut extends Error {}

function withinTime<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`took longer than ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS)
  })
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}

/**
 * What is logged of a failed step: the plugin (the logger's name), the step, the
 * clinic and the kind of failure; for a refused block, the rule it broke. Not
 * the error's message nor anything of the patient's: a plugin's message may
 * quote what the patient typed. The stack's frames (file and line) stay.
 */
function failure(error: unknown): Record<string, unknown> {
  if (error instanceof InvalidBlock) return { reason: 'invalid block', rule: error.message }
  if (error instanceof TimedOut) return { reason: 'timed out', rule: error.message }
  // Only the "at …" lines: V8 starts a stack with the message, and a message of several lines fills several.
  const frames =
    error instanceof Error
      ? error.stack
          ?.split('\n')
          .filter((line) => /^\s+at /.test(line))
          .slice(0, 7)
          .join('\n')
      : undefined
  return { reason: 'threw', error: error instanceof Error ? error.name : typeof error, ...(frames ? { frames } : {}) }
}

export type StepCall = { plugin: TelemedPlugin; step: SiteStep; clinic: string; site: string }

/**
 * Runs a step's `render` or `submit` with the plugin's context and checks the
 * block it returns (see blocks.ts). A step that throws, takes too long or
 * returns a block that breaks a rule is logged under the plugin's name and
 * answers `failed`; null (the step does not apply) passes through.
 */
export async function runStep(
  payload: Payload,
  { plugin, step, clinic, site }: StepCall,
  call: (ctx: ReturnType<typeof contextFor>) => Promise<SiteBlock | null>,
): Promise<{ block: SiteBlock | null } | { failed: true }> {
  const ctx = contextFor(payload, plugin)
  try {
    const block = await withinTime(call(ctx))
    return { block: block === null ? null : checkedBlock(block, site) }
  } catch (error) {
    ctx.log.error('a site step failed and was skipped', { step: step.id, slot: step.slot, clinic, ...failure(error) })
    return { failed: true }
  }
}
