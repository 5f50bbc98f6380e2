import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** `visit-survey` → `visitSurvey`, `VisitSurvey`. */
const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
const pascal = (name: string) => camel(name).replace(/^./, (c) => c.toUpperCase())
/** `visit-survey` → `Visit survey`, as a clinic's admin reads it. */
const words = (name: string) => name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())

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
  const declaration = camel(name)
  const provider = `${pascal(name)}Ehr`
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(
      {
        name: `@telemed/plugin-${name}`,
        version: '0.1.0',
        private: true,
        type: 'module',
        exports: { '.': './src/index.ts' },
        peerDependencies: { payload: '^3.90.0' },
        dependencies: { '@telemed/plugin-sdk': '*' },
      },
      null,
      2,
    )}\n`,
    'src/index.ts': `import { definePlugin, type TelemedPlugin } from '@telemed/plugin-sdk'
import { ${provider} } from './provider.ts'

/**
 * ${name}: say here what this plugin does for clinics. It shows each part of the
 * plugin surface once; keep the parts you need and delete the others (and their tests).
 */
export const ${declaration}: TelemedPlugin = {
  name: '${name}',

  // A provider for a slot (video, payments, ehr, pharmacy). Each clinic's admins
  // choose among the providers offered (Clinics → Providers); create() gets that
  // clinic's settings of this plugin.
  providers: {
    ehr: { name: '${name}', label: '${words(name)}', create: (clinic) => new ${provider}(String(clinic.settings.apiKey ?? '')) },
  },

  // Settings each clinic's admins fill in on their clinic. A secret is encrypted at
  // rest and never shown again, only "set" or "not set".
  clinicSettings: [
    { name: 'accountId', type: 'text', label: 'Account id' },
    { name: 'apiKey', type: 'secret', label: 'API key', description: 'From your ${words(name)} account page.' },
  ],

  // Domain events, delivered after the change is committed. Quick work only: queue a job for the rest.
  events: {
    'appointment.booked': async (event, ctx) => {
      await ctx.queue('welcome', { appointment: event.appointment, clinic: event.tenant })
    },
  },

  // Jobs run by the platform's queue, retried with backoff. Inputs hold ids, never clinical content.
  jobs: [
    {
      slug: 'welcome',
      retries: 3,
      run: async (input, ctx) => {
        const clinic = await ctx.clinic(String(input.clinic))
        ctx.log.info('welcome job ran', { appointment: input.appointment, clinic: clinic.slug })
      },
    },
  ],

  // A step of the clinic's site, as data the site renders in the clinic's brand.
  siteSteps: [
    {
      id: 'before-visit',
      slot: 'booking.afterTime',
      title: 'Before your visit',
      render: async () => ({
        kind: 'form',
        heading: 'A note for your doctor',
        text: ['Anything your doctor should know before the visit? You can leave it empty.'],
        fields: [{ name: 'note', label: 'A note for your doctor', type: 'textarea' }],
        submitLabel: 'Continue',
      }),
      submit: async (_input, values, ctx) => {
        ctx.log.info('before-visit answered', { length: values.note?.length ?? 0 })
        return { kind: 'done' }
      },
    },
  ],
}

/** Turned on in config/src/plugins.ts. */
export const ${factory} = () => definePlugin(${declaration})
`,
    'src/provider.ts': `import type { EhrConnector } from '@telemed/plugin-sdk'

type Resource = { resourceType: string; id?: string; [key: string]: unknown }

/**
 * The provider this plugin offers. This one keeps FHIR resources in memory, so the
 * plugin works before it talks to its outside service: replace the bodies with calls
 * to the service (with \`this.apiKey\`), and keep the contract test passing.
 */
export class ${provider} implements EhrConnector {
  readonly name = '${name}'
  private readonly apiKey: string
  private readonly resources = new Map<string, Resource & { id: string }>()

  constructor(apiKey: string) {
    this.apiKey = apiKey
  }

  async push(resource: Resource): Promise<{ id: string }> {
    if (!this.apiKey) throw new Error('${pascal(name)} has no API key: set it on the clinic, under Plugin settings.')
    const id = resource.id ?? crypto.randomUUID()
    this.resources.set(\`\${resource.resourceType}/\${id}\`, { ...structuredClone(resource), id })
    return { id }
  }

  async pull(resourceType: string, patientId: string): Promise<Resource[]> {
    return [...this.resources.values()].filter(
      (r) => r.resourceType === resourceType && (r.subject as { reference?: string } | undefined)?.reference === \`Patient/\${patientId}\`,
    )
  }
}
`,
    'src/index.test.ts': `import type { Config } from 'payload'
import { pluginsOf, type SiteStepInput } from '@telemed/plugin-sdk'
import { ehrConnectorContract, testContext } from '@telemed/plugin-sdk/testing'
import { describe, expect, it } from 'vitest'
import { ${factory}, ${declaration} } from './index.ts'
import { ${provider} } from './provider.ts'

// The provider behaves like every EHR connector.
ehrConnectorContract('${name}', () => new ${provider}('test-key'))

const booked = {
  type: 'appointment.booked' as const,
  appointment: 42,
  tenant: 1,
  patient: 7,
  doctor: 3,
  start: '2026-03-08T14:00:00.000Z',
  end: '2026-03-08T14:30:00.000Z',
  actor: 7,
  at: '2026-03-01T09:00:00.000Z',
}
const input: SiteStepInput = {
  clinic: { id: '1', slug: 'northwind' },
  user: { id: '7', email: 'maya@example.com', roles: ['patient'] },
  appointment: { id: '42', doctor: '3', start: booked.start, end: booked.end, status: 'confirmed' },
  pageUrl: 'https://northwind.example/appointments/42/steps/${name}/before-visit',
}

describe('${name}', () => {
  it('registers itself with the platform', () => {
    const config = ${factory}()({} as Config) as Config
    expect(pluginsOf(config).map((p) => p.name)).toEqual(['${name}'])
  })

  it('asks each clinic for an account id and a secret API key', () => {
    expect(${declaration}.clinicSettings).toEqual([
      expect.objectContaining({ name: 'accountId', type: 'text' }),
      expect.objectContaining({ name: 'apiKey', type: 'secret' }),
    ])
  })

  it('creates the clinic’s provider with its API key', async () => {
    const provider = await ${declaration}.providers!.ehr!.create({ id: '1', slug: 'northwind', settings: { apiKey: 'k' } })
    expect(provider.name).toBe('${name}')
  })

  it('queues its welcome job when a visit is booked', async () => {
    const { ctx, queued } = testContext()
    await ${declaration}.events!['appointment.booked']!(booked, ctx)
    expect(queued).toEqual([{ slug: 'welcome', input: { appointment: 42, clinic: 1 }, waitUntil: undefined }])
  })

  it('runs its welcome job', async () => {
    const { ctx, logged } = testContext()
    await ${declaration}.jobs![0]!.run({ appointment: 42, clinic: 1 }, ctx)
    expect(logged).toEqual([{ level: 'info', msg: 'welcome job ran', data: { appointment: 42, clinic: 'clinic-1' } }])
  })

  it('asks for a note after the time is chosen, and moves on once answered', async () => {
    const { ctx } = testContext()
    const step = ${declaration}.siteSteps![0]!
    expect(step.slot).toBe('booking.afterTime')
    expect(await step.render(input, ctx)).toMatchObject({ kind: 'form', fields: [{ name: 'note' }] })
    expect(await step.submit!(input, { note: 'I take ibuprofen' }, ctx)).toEqual({ kind: 'done' })
  })
})
`,
    'README.md': `# ${name}

What this plugin does for clinics. It is on when \`config/src/plugins.ts\` lists
\`${factory}()\`; \`plugins/README.md\` explains each part of a plugin.

| part | what it does |
| --- | --- |
| provider (\`ehr\`) | \`${provider}\` in \`src/provider.ts\` |
| clinic settings | Account id, API key (secret) on each clinic, in the admin panel |
| event | \`appointment.booked\` queues the \`welcome\` job |
| job | \`welcome\`, retried 3 times |
| site step | "Before your visit", after a time is chosen |
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
