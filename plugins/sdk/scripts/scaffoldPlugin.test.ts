import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Config, PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'
import { scaffoldPlugin } from './scaffoldPlugin.ts'

const repo = resolve(import.meta.dirname, '../../..')

/** A scratch copy of what the scaffold edits, so the test never touches the repository. */
function scratch() {
  const root = mkdtempSync(join(tmpdir(), 'plugin-new-'))
  cpSync(join(repo, 'config/src/plugins.ts'), join(root, 'config/src/plugins.ts'))
  cpSync(join(repo, 'config/package.json'), join(root, 'config/package.json'))
  return root
}

describe('npm run plugin:new', () => {
  it('writes a working plugin and turns it on in config/', async () => {
    const root = scratch()
    const written = scaffoldPlugin(root, 'visit-survey')
    expect(written).toContain('plugins/visit-survey/src/index.test.ts')

    const registry = readFileSync(join(root, 'config/src/plugins.ts'), 'utf8')
    expect(registry).toContain("import { visitSurveyPlugin } from '@telemed/plugin-visit-survey'")
    expect(registry).toMatch(/visitSurveyPlugin\(\),\n {2}\/\/ plugin:new adds entries above this line/)
    const pkg = JSON.parse(readFileSync(join(root, 'config/package.json'), 'utf8'))
    expect(pkg.dependencies['@telemed/plugin-visit-survey']).toBe('*')

    // The generated plugin does what its own test says: adds its endpoint to the platform's config.
    const { visitSurveyPlugin } = await import(pathToFileURL(join(root, 'plugins/visit-survey/src/index.ts')).href)
    const config = (await visitSurveyPlugin()({ endpoints: [] } as unknown as Config)) as Config
    const status = config.endpoints!.find((e) => e.path === '/plugins/visit-survey/status')!
    expect(await (await status.handler({} as PayloadRequest)).json()).toEqual({ plugin: 'visit-survey', ok: true })
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
