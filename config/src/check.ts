/**
 * Import this first in an entry point: it validates the environment before any
 * other module reads it, and stops the process with one line naming the bad
 * variable instead of a stack trace.
 */
import { env, EnvError } from './env.ts'

try {
  env()
} catch (error) {
  if (!(error instanceof EnvError)) throw error
  console.error(error.message)
  process.exit(1)
}
