import type { Config, Payload } from 'payload'
import type { QueueOptions, TelemedPlugin } from '@telemed/plugin-sdk'

/** Registers each plugin's jobs as tasks of Payload's jobs queue, as `<plugin>.<slug>`. */
export const withPluginJobs = (config: Config, _plugins: readonly TelemedPlugin[]): Config => config

/** Queues one of a plugin's jobs. */
export async function queueJob(
  _payload: Payload,
  plugin: TelemedPlugin,
  slug: string,
  _input: Record<string, unknown>,
  _options: QueueOptions = {},
): Promise<void> {
  throw new Error(`The plugin ${plugin.name} queued ${slug}, but jobs are not wired yet.`)
}
