import type { PlatformContext } from './context.ts'

/**
 * Work a plugin queues to run later or away from a request (send a message at a
 * time, retry an outside call). The platform runs the queue in the server process,
 * or in `npm run worker`. A job that throws is retried `retries` times with
 * exponential backoff from `backoffSeconds`; its input is stored, so it holds ids,
 * never clinical content.
 */
export type JobDefinition<Input extends Record<string, unknown> = Record<string, unknown>> = {
  /** Unique within the plugin: `send-reminder`. The queue knows it as `<plugin>.<slug>`. */
  slug: string
  /** Attempts after the first one fails (default 3). */
  retries?: number
  /** Wait before the first retry, doubled for each next one (default 30). */
  backoffSeconds?: number
  run(input: Input, ctx: PlatformContext): Promise<void>
}

export type QueueOptions = {
  /** Not before this instant. */
  waitUntil?: Date
}
