import { resolve } from 'node:path'

/**
 * The repository root. Every script runs from it (see package.json), and Next
 * bundles this file, so `import.meta.url` would point into `.next/`.
 */
export const repoRoot = resolve(process.env.TELEMED_ROOT ?? process.cwd())
export const themesDir = resolve(repoRoot, 'themes')
export const dataDir = (dir: string) => resolve(repoRoot, dir)
