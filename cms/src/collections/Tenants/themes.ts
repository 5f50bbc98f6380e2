import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { OptionObject } from 'payload'
import { themesDir } from '../../paths.ts'
import { validateThemeSlug } from './validation.ts'

/**
 * The themes a clinic may pick: exactly the folder names `validateThemeSlug`
 * accepts, labelled with the theme's `name` from its theme.json. Read from disk on
 * each call, as the site does, so a theme added to themes/ is offered without a rebuild.
 */
export function themeOptions(): OptionObject[] {
  return readdirSync(themesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && validateThemeSlug(entry.name) === true)
    .map((entry) => ({ value: entry.name, label: themeName(entry.name) }))
    .sort((a, b) => a.label.localeCompare(b.label))
}

function themeName(slug: string): string {
  try {
    const { name } = JSON.parse(readFileSync(join(themesDir, slug, 'theme.json'), 'utf8')) as { name?: unknown }
    return typeof name === 'string' && name.trim() ? name : slug
  } catch {
    // A theme.json that does not parse still names a folder the site can fall back from.
    return slug
  }
}
