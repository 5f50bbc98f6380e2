/**
 * `npm run build:server`: compiles the production server and the jobs worker
 * (cms/server/main.ts, worker.ts) to plain JavaScript in cms/dist/, so `npm run
 * serve` and `npm run worker` start with `node` and no TypeScript compiler at
 * start. The platform's own code and the workspace packages (@telemed/*, whose
 * exports point at TypeScript sources) are bundled; every npm package stays an
 * import resolved from node_modules at run time, as under tsx, with the same
 * `production` condition (see the README on Lexical).
 *
 * `--outdir <dir>` writes elsewhere (tests build into a temporary folder).
 */
import { build, type Plugin } from 'esbuild'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

export const SERVER_ENTRIES = { main: 'cms/server/main.ts', worker: 'cms/server/worker.ts' } as const

/** npm packages are loaded from node_modules at run time; only the workspace's own (TypeScript) packages are bundled. */
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@telemed/') ? undefined : { path: args.path, external: true }))
  },
}

/**
 * Packages the server may never use, loaded on first call rather than at start: the
 * MongoDB adapter (mongoose and the driver, about a tenth of the start-up) is needed only
 * with a `mongodb://` DATABASE_URL. Each listed export becomes a function that loads the
 * package with `require` (Node ≥ 20.19 loads ES modules so) when first called.
 */
const LOADED_ON_USE: Record<string, string[]> = { '@payloadcms/db-mongodb': ['mongooseAdapter'] }

const loadedOnUse: Plugin = {
  name: 'loaded-on-use',
  setup(b) {
    const names = Object.keys(LOADED_ON_USE).map((n) => n.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&'))
    b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'loaded-on-use' }))
    b.onLoad({ filter: /.*/, namespace: 'loaded-on-use' }, (args) => ({
      loader: 'js',
      contents: [
        "import { createRequire } from 'node:module'",
        'const require = createRequire(import.meta.url)',
        ...LOADED_ON_USE[args.path]!.map((name) => `export const ${name} = (...a) => require(${JSON.stringify(args.path)}).${name}(...a)`),
      ].join('\n'),
    }))
  },
}

/** Compiles the server's entries into `outdir` (default cms/dist); resolves with the files written. */
export async function buildServer(outdir = 'cms/dist'): Promise<string[]> {
  // No chunk of an earlier build stays behind.
  rmSync(resolve(outdir), { recursive: true, force: true })
  const result = await build({
    entryPoints: SERVER_ENTRIES,
    outdir: resolve(outdir),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    conditions: ['production'],
    plugins: [loadedOnUse, npmPackagesExternal],
    sourcemap: 'linked',
    // Stack traces name the platform's own functions.
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
  })
  return Object.keys(result.metafile.outputs)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'cms/dist' } } })
  const files = await buildServer(values.outdir)
  console.log(`server compiled: ${files.filter((f) => f.endsWith('.js')).length} files in ${values.outdir}`)
}
