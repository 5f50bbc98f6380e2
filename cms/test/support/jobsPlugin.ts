import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { definePlugin } from '@telemed/plugin-sdk'

/**
 * A plugin with jobs for the jobs queue's tests. Each run writes a line to
 * DATA_DIR/plugin-jobs.jsonl (the test server's and the worker's DATA_DIR are
 * the same), naming the process that ran it, so a test sees what ran, where and
 * how often.
 */
export type JobLine = { job: string; key: string; pid: number; attempt?: number; clinic?: string; step?: string }

const logFile = () => join(process.env.DATA_DIR!, 'plugin-jobs.jsonl')
const write = (line: JobLine) => appendFileSync(logFile(), `${JSON.stringify(line)}\n`)

/** Every line written so far, optionally of one job key. */
export function jobLines(key?: string): JobLine[] {
  if (!existsSync(logFile())) return []
  const lines = readFileSync(logFile(), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JobLine)
  return key === undefined ? lines : lines.filter((l) => l.key === key)
}

/** The file whose existence lets a `slow` job finish. */
export const releaseFile = (key: string) => join(process.env.DATA_DIR!, `release-${key}`)

export const jobsTestPlugin = definePlugin({
  name: 'jobs-test',
  jobs: [
    {
      // Reads its clinic through the context given to plugin code.
      slug: 'note',
      run: async (input, ctx) => {
        const clinic = await ctx.clinic(input.clinic as number)
        write({ job: 'note', key: String(input.key), clinic: clinic.slug, pid: process.pid })
      },
    },
    {
      // Fails its first two attempts. Retries and backoff are the defaults (3, 30 s).
      slug: 'flaky',
      run: async (input) => {
        const attempt = jobLines(String(input.key)).length + 1
        write({ job: 'flaky', key: String(input.key), attempt, pid: process.pid })
        if (attempt < 3) throw new Error(`flaky attempt ${attempt} failed`)
      },
    },
    {
      slug: 'broken',
      retries: 1,
      backoffSeconds: 0,
      run: async (input) => {
        write({ job: 'broken', key: String(input.key), pid: process.pid })
        throw new Error('the outside service refused')
      },
    },
    {
      // Starts, then waits for its release file (of `gate`, else of its key) before it finishes.
      slug: 'slow',
      run: async (input) => {
        const key = String(input.key)
        write({ job: 'slow', key, step: 'started', pid: process.pid })
        const gate = releaseFile(String(input.gate ?? key))
        while (!existsSync(gate)) await new Promise((resolve) => setTimeout(resolve, 20))
        write({ job: 'slow', key, step: 'finished', pid: process.pid })
      },
    },
  ],
})
