import { resolve } from 'node:path'

/**
 * The repository root (TELEMED_ROOT, declared in config/src/env.ts; default the
 * current directory). Every script runs from it (see package.json), and Next
 * bundles this file, so `import.meta.url` would point into `.next/`.
 *
 * Read from process.env, not env(): the clinic site bundles this file too (its
 * brand fonts are found through it, see Tenants/brand/fontFiles.ts), and the
 * site imports no config.
 */
export const repoRoot = resolve(process.env.TELEMED_ROOT || process.cwd())
/** The clinic themes (THEMES_DIR, relative to the root; default `themes`); the server hands the same folder to its sites. */
export const themesDir = resolve(repoRoot, process.env.THEMES_DIR || 'themes')
export const dataDir = (dir: string) => resolve(repoRoot, dir)
