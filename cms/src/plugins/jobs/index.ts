import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type CollectionConfig,
  type Config,
  type Payload,
  type TaskConfig,
} from 'payload'
import type { JobDefinition, QueueOptions, TelemedPlugin } from '@telemed/plugin-sdk'
import { isPlatformAdmin } from '../../access/roles.ts'
import { contextFor } from '../context.ts'
import { claimJobsAtomically } from './atomicClaim.ts'
import { jobRunnerOf } from './runner.ts'
import { jobFailures } from '../../metrics/registry.ts'

const JOB_SLUG = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const DEFAULT_RETRIES = 3
const DEFAULT_BACKOFF_SECONDS = 30

/** The queue's name for a plugin's job: `<plugin>.<slug>` (Payload takes any text as a task slug). */
export const taskSlugOf = (plugin: TelemedPlugin, slug: string) => `${plugin.name}.${slug}`

const pascal = (text: string) => text.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())

/** A plugin's task: its slug and input are the plugin's, unknown to the generated types (made without plugins). */
type PluginTask = TaskConfig<{ input: Record<string, unknown>; output: Record<string, never> }>

/**
 * What Payload keeps and logs of a failed job (in the jobs collection, for platform
 * admins): the job, the error's kind and where it was thrown. Not the plugin's
 * message: it may quote clinical content. A plugin logs what it needs, by id, with ctx.log.
 */
function withoutMessage(task: string, error: unknown): Error {
  const kind = error instanceof Error ? error.name : typeof error
  const failed = new Error(`${task} failed with ${kind} (its message is not kept: see the plugin's own log lines)`)
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)) : []
  failed.stack = [`Error: ${failed.message}`, ...frames].join('\n')
  return failed
}

function taskOf(plugin: TelemedPlugin, job: JobDefinition): PluginTask {
  const retries = job.retries ?? DEFAULT_RETRIES
  const backoffSeconds = job.backoffSeconds ?? DEFAULT_BACKOFF_SECONDS
  if (!Number.isInteger(retries) || retries < 0)
    throw new Error(`The job ${taskSlugOf(plugin, job.slug)} has retries ${retries}: use a whole number, 0 or more.`)
  if (!(backoffSeconds >= 0))
    throw new Error(`The job ${taskSlugOf(plugin, job.slug)} has backoffSeconds ${backoffSeconds}: use 0 or more.`)
  return {
    slug: taskSlugOf(plugin, job.slug),
    // The generated type's name (the slug's dot and dashes make no TypeScript name).
    interfaceName: `Task${pascal(plugin.name)}${pascal(job.slug)}`,
    // Payload waits 2^n × delay before the (n+1)th retry: backoffSeconds, then twice that, and so on.
    retries: { attempts: retries, backoff: { type: 'exponential', delay: backoffSeconds * 1000 } },
    handler: async ({ input, req }) => {
      try {
        await job.run(input as Record<string, unknown>, contextFor(req.payload, plugin))
      } catch (error) {
        jobFailures.inc({ task: taskSlugOf(plugin, job.slug) })
        throw withoutMessage(taskSlugOf(plugin, job.slug), error)
      }
      return { output: {} as Record<string, never> }
    },
  }
}

function checkJobs(plugin: TelemedPlugin): void {
  const seen = new Set<string>()
  for (const job of plugin.jobs ?? []) {
    if (!JOB_SLUG.test(job.slug))
      throw new Error(`The plugin ${plugin.name} declares a job "${job.slug}": use lower-case words joined by dashes.`)
    if (seen.has(job.slug)) throw new Error(`The plugin ${plugin.name} declares the job "${job.slug}" twice.`)
    seen.add(job.slug)
  }
}

/**
 * The jobs collection (`payload-jobs`) as Payload makes it, readable by
 * platform admins only (`GET /api/payload-jobs`: what is queued, what failed and
 * why). Nobody creates, changes or deletes jobs over HTTP: the platform's code
 * queues them. Running them over HTTP (`/api/payload-jobs/run`) and the local
 * API's access are `jobs.access` in payload.config.ts, platform admins too.
 */
const platformAdminsRead = ({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig => ({
  ...defaultJobsCollection,
  access: { ...defaultJobsCollection.access, read: ({ req }) => isPlatformAdmin(req) },
})

/**
 * Registers each plugin's jobs as tasks of Payload's jobs queue, as `<plugin>.<slug>`,
 * with a claim that lets several runners share one database (atomicClaim.ts).
 */
export const withPluginJobs = (config: Config, plugins: readonly TelemedPlugin[]): Config => {
  plugins.forEach(checkJobs)
  const tasks = plugins.flatMap((plugin) => (plugin.jobs ?? []).map((job) => taskOf(plugin, job as JobDefinition)))
  const overrides = config.jobs?.jobsCollectionOverrides
  const onInit = config.onInit
  return {
    ...config,
    onInit: async (payload) => {
      claimJobsAtomically(payload)
      await onInit?.(payload)
    },
    jobs: {
      ...config.jobs,
      tasks: [...(config.jobs?.tasks ?? []), ...tasks],
      jobsCollectionOverrides: (args) =>
        platformAdminsRead({ defaultJobsCollection: overrides ? overrides(args) : args.defaultJobsCollection }),
    },
  }
}

/**
 * Queues one of a plugin's jobs: run by the server's runner (or `npm run
 * worker`) when due, at once if this process runs jobs. The input is stored
 * with the job and shown to platform admins: ids, never clinical content.
 */
export async function queueJob(
  payload: Payload,
  plugin: TelemedPlugin,
  slug: string,
  input: Record<string, unknown>,
  options: QueueOptions = {},
): Promise<void> {
  const declared = (plugin.jobs ?? []).map((job) => job.slug)
  if (!declared.includes(slug)) {
    throw new Error(
      `The plugin ${plugin.name} has no job "${slug}": it declares ${declared.length ? declared.map((s) => `"${s}"`).join(', ') : 'none'}.`,
    )
  }
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new Error(`The input of ${taskSlugOf(plugin, slug)} must be an object of ids.`)
  const { waitUntil } = options
  if (waitUntil !== undefined && !(waitUntil instanceof Date && !Number.isNaN(waitUntil.getTime()))) {
    throw new Error(`The waitUntil of ${taskSlugOf(plugin, slug)} must be a valid Date.`)
  }
  // In a transaction: Payload writes the job, then reads it back, and a runner of another process could
  // otherwise take, run and delete the job in between (the queueing then failed though the job ran).
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    // The task's slug is the plugin's (`<plugin>.<slug>`), unknown to the generated types.
    await payload.jobs.queue({ task: taskSlugOf(plugin, slug), input, waitUntil, req } as never)
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
  if (!waitUntil || waitUntil.getTime() <= Date.now()) jobRunnerOf(payload)?.nudge()
}
