import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { repoRoot } from '../../paths.ts'
import { compileTemplate, type CompiledTemplate } from './handlebars.ts'
import type { NotificationEvent, TemplatePart } from './events.ts'

/** The theme whose notification files every other theme falls back to. */
export const DEFAULT_THEME = 'default'

/** The themes folder, as the clinic sites find it: THEMES_DIR (relative to the repository root), else `<root>/themes`. Read on each call. */
export const themesDir = () => resolve(repoRoot, process.env.THEMES_DIR || 'themes')

/** A theme folder name as given, if it is one (`/^[a-z0-9-]+$/`), else the default: no path leaves the themes folder. */
export const safeThemeSlug = (slug: unknown): string => (typeof slug === 'string' && /^[a-z0-9-]+$/.test(slug) ? slug : DEFAULT_THEME)

/** A file of a theme's notifications/ folder: an event's part, or one of the two layouts. */
export type TemplateFile = { event: NotificationEvent; part: TemplatePart } | { layout: 'html' | 'text' }

const fileName = (file: TemplateFile) => ('layout' in file ? `layout.${file.layout}.hbs` : `${file.event}/${file.part}.hbs`)
const partOf = (file: TemplateFile) => ('layout' in file ? (`layout.${file.layout}` as const) : file.part)

/**
 * Compiled template files, by path; null for a file the theme does not have.
 * Kept for the life of the process: an edited theme file shows after a restart.
 */
const compiled = new Map<string, Promise<CompiledTemplate | null>>()

/**
 * One template file of a theme, compiled, or null when the theme has no such file
 * (or it cannot be compiled: that is logged, and the default theme's file is used).
 */
export function themeTemplate(theme: string, file: TemplateFile): Promise<CompiledTemplate | null> {
  const path = resolve(themesDir(), safeThemeSlug(theme), 'notifications', fileName(file))
  let template = compiled.get(path)
  if (!template) {
    template = loadTemplate(path, partOf(file))
    compiled.set(path, template)
    // A file that could not be read (not merely absent) is tried again next time.
    template.catch(() => compiled.delete(path))
  }
  return template
}

async function loadTemplate(path: string, part: ReturnType<typeof partOf>): Promise<CompiledTemplate | null> {
  let source: string
  try {
    source = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    return compileTemplate(source, part)
  } catch (error) {
    console.error(`notification template ${path} cannot be compiled; the default theme's is used`, error)
    return null
  }
}

/**
 * The template file a clinic on `theme` gets: the theme's own, else the default
 * theme's. Throws if the default theme lacks it (a broken install).
 */
export async function resolveThemeTemplate(theme: string, file: TemplateFile): Promise<CompiledTemplate> {
  const slug = safeThemeSlug(theme)
  const own = slug === DEFAULT_THEME ? null : await themeTemplate(slug, file)
  const template = own ?? (await themeTemplate(DEFAULT_THEME, file))
  if (!template) throw new Error(`the default theme has no notification template ${fileName(file)} (in ${themesDir()})`)
  return template
}
