import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Config } from 'payload'
import { pluginsOf } from '@telemed/plugin-sdk'
import { afterAll, describe, expect, it } from 'vitest'
import { scaffoldPlugin } from './scaffoldPlugin.ts'

const repo = resolve(import.meta.dirname, '../../..')

/**
 * A scratch copy of what the scaffold edits, so the test never touches the
 * repository; inside node_modules/.cache so the generated plugin resolves the
 * sdk and vitest as it would in plugins/.
 */
const scratches: string[] = []
afterAll(() => scratches.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
function scratch() {
  mkdirSync(join(repo, 'node_modules/.cache'), { recursive: true })
  const root = mkdtempSync(join(repo, 'node_modules/.cache/plugin-new-'))
  scratches.push(root)
  cpSync(join(repo, 'config/src/plugins.ts'), join(root, 'config/src/plugins.ts'))
  cpSync(join(repo, 'config/package.json'), join(root, 'config/package.json'))
  return root
}

describe('npm run plugin:new', () => {
  it('writes a plugin with every part of the surface, turns it on in config/, and its own tests pass', async () => {
    const root = scratch()
    const written = scaffoldPlugin(root, 'visit-survey')
    expect(written).toEqual(expect.arrayContaining(['plugins/visit-survey/src/index.test.ts', 'plugins/visit-survey/src/provider.ts']))

    const registry = readFileSync(join(root, 'config/src/plugins.ts'), 'utf8')
    expect(registry).toContain("import { visitSurveyPlugin } from '@telemed/plugin-visit-survey'")
    expect(registry).toMatch(/visitSurveyPlugin\(\),\n {2}\/\/ plugin:new adds entries above this line/)
    const pkg = JSON.parse(readFileSync(join(root, 'config/package.json'), 'utf8'))
    expect(pkg.dependencies['@telemed/plugin-visit-survey']).toBe('*')

    const { visitSurveyPlugin } = await import(pathToFileURL(join(root, 'plugins/visit-survey/src/index.ts')).href)
    const [declared] = pluginsOf(visitSurveyPlugin()({} as Config) as Config)
    expect(declared).toMatchObject({
      name: 'visit-survey',
      providers: { ehr: { name: 'visit-survey' } },
      clinicSettings: expect.arrayContaining([expect.objectContaining({ type: 'secret' })]),
      events: { 'appointment.booked': expect.any(Function) },
      jobs: [expect.objectContaining({ slug: 'welcome' })],
      siteSteps: [expect.objectContaining({ slot: 'booking.afterTime' })],
    })

    // The generated tests, run on their own (the repository's vitest.config.ts leaves node_modules out).
    const plugin = join(root, 'plugins/visit-survey')
    writeFileSync(join(plugin, 'vitest.config.mjs'), "export default { test: { include: ['src/**/*.test.ts'] } }\n")
    const run = execFileSync(join(repo, 'node_modules/.bin/vitest'), ['run', '--config', 'vitest.config.mjs', '--reporter', 'json'], {
      cwd: plugin,
      encoding: 'utf8',
    })
    const report = JSON.parse(run.slice(run.indexOf('{'))) as { numPassedTests: number; numFailedTests: number }
    expect(report.numFailedTests).toBe(0)
    expect(report.numPassedTests).toBeGreaterThanOrEqual(9)
  })

  it('refuses bad or taken names and writes nothing', () => {
    const root = scratch()
    const before = readFileSync(join(root, 'config/src/plugins.ts'), 'utf8')
    expect(() => scaffoldPlugin(root, 'Visit Survey')).toThrow(/lower-case words joined by dashes/)
    expect(() => scaffoldPlugin(root, 'sdk')).toThrow(/plugin kit itself/)
    scaffoldPlugin(root, 'reminders')
    expect(() => scaffoldPlugin(root, 'reminders')).toThrow('plugins/reminders already exists.')
    writeFileSync(join(root, 'config/src/plugins.ts'), before.replace('// plugin:new adds entries above this line', ''))
    expect(() => scaffoldPlugin(root, 'other')).toThrow(/lost its/)
  })
})
