/**
 * Loaded with `node --import` before `cms/server/worker.ts`: adds the jobs
 * tests' plugin to the list of config/src/plugins.ts, as a line there would,
 * before the worker builds its configuration.
 */
import { plugins } from '@telemed/config/plugins'
import { jobsTestPlugin } from './jobsPlugin.ts'

plugins.push(jobsTestPlugin)
