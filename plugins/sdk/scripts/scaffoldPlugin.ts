import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** `visit-survey` → `visitSurvey`, `VisitSurvey`. */
const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
const pascal = (name: string) => camel(name).replace(/^./, (c) => c.toUpperCase())

export const PLUGIN_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const MARKER = '  // plugin:new adds entries above this line'

/**
 * Creates `plugins/<name>/` (package, plugin factory, test, README) under `root`
 * and turns the plugin on in `config/src/plugins.ts` and `config/package.json`.
 * Refuses a malformed or taken name before writing anything.
 */
export function scaffoldPlugin(root: string, name: string): string[] {
  if (!PLUGIN_NAME.test(name)) throw new Error(`"${name}" is not a plugin name: use lower-case words joined by dashes, e.g. visit-survey.`)
  if (name === 'sdk') throw new Error('"sdk" is the plugin kit itself; choose another name.')
  const dir = join(root, 'plugins', name)
  if (existsSync(dir)) throw new Error(`plugins/${name} already exists.`)
  const registry = join(root, 'config/src/plugins.ts')
  const configPackage = join(root, 'config/package.json')
  const listed = readFileSync(registry, 'utf8')
  if (!listed.includes(MARKER)) throw new Error(`config/src/plugins.ts has lost its "${MARKER.trim()}" line; add it back inside the list.`)

  const factory = `${camel(name)}Plugin`
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(
      {
        name: `@telemed/plugin-${name}`,
        version: '0.1.0',
        private: true,
        type: 'module',
        exports: { '.': './src/index.ts' },
        peerDependencies: { payload: '^3.90.0' },
      },
      null,
      2,
    )}\n`,
    'src/index.ts': `import type { Config, Plugin } from 'payload'

export type ${pascal(name)}Options = {
  /** Set false to keep the plugin installed but off. */
  enabled?: boolean
}

/**
 * ${name}: say here what this plugin adds to the platform (collections, fields,
 * endpoints, hooks, jobs) and which provider interface of @telemed/plugin-sdk it
 * implements, if any. Turned on in config/src/plugins.ts.
 */
export const ${factory} =
  (options: ${pascal(name)}Options = {}): Plugin =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    return {
      ...config,
      endpoints: [
        ...(config.endpoints ?? []),
        {
          path: '/plugins/${name}/status',
          method: 'get',
          handler: () => Response.json({ plugin: '${name}', ok: true }),
        },
      ],
    }
  }
`,
    'src/index.test.ts': `import type { Config, Endpoint, PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'
import { ${factory} } from './index.ts'

const statusOf = (config: Config) => config.endpoints?.find((e: Endpoint) => e.path === '/plugins/${name}/status')

describe('${name}', () => {
  it('adds its status endpoint to the platform', async () => {
    const config = await ${factory}()({ endpoints: [] } as unknown as Config)
    const answer = await statusOf(config)!.handler({} as PayloadRequest)
    expect(await answer.json()).toEqual({ plugin: '${name}', ok: true })
  })

  it('changes nothing when turned off', async () => {
    const config = await ${factory}({ enabled: false })({ endpoints: [] } as unknown as Config)
    expect(statusOf(config)).toBeUndefined()
  })
})
`,
    'README.md': `# ${name}

What this plugin does for clinics, and how to turn it on: it is listed in
\`config/src/plugins.ts\` as \`${factory}()\`. See \`plugins/README.md\` for the conventions.

| option | default | meaning |
| --- | --- | --- |
| \`enabled\` | \`true\` | \`false\` keeps the plugin installed but off |
`,
  }
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true })
    writeFileSync(join(dir, file), content)
  }

  const importLine = `import { ${factory} } from '@telemed/plugin-${name}'\n`
  const withImport = listed.replace(/(import type \{ Plugin \} from 'payload'\n)/, `$1${importLine}`)
  writeFileSync(registry, withImport.replace(MARKER, `  ${factory}(),\n${MARKER}`))
  const pkg = JSON.parse(readFileSync(configPackage, 'utf8')) as { dependencies?: Record<string, string> }
  pkg.dependencies = Object.fromEntries(
    Object.entries({ ...pkg.dependencies, [`@telemed/plugin-${name}`]: '*' }).sort(([a], [b]) => a.localeCompare(b)),
  )
  writeFileSync(configPackage, `${JSON.stringify(pkg, null, 2)}\n`)
  return [...Object.keys(files).map((f) => `plugins/${name}/${f}`), 'config/src/plugins.ts', 'config/package.json']
}
