import type { Tenant } from '../payload-types.ts'

/** A rich-text field's value, as every rich-text field of the platform's documents holds it. */
export type RichText = NonNullable<Tenant['terms']>

/**
 * Lexical JSON (what the admin panel's rich-text editor saves) from a short outline,
 * for demo text with headings and lists: a string is a paragraph, `{ h }` a heading,
 * `{ list }` a bulleted list.
 */
export type Outline = (string | { h: string } | { list: string[] })[]

const text = (t: string) => ({ type: 'text', text: t, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })
const base = { format: '' as const, indent: 0, version: 1, direction: 'ltr' as const }

export function lexical(outline: Outline): RichText {
  return {
    root: {
      type: 'root',
      ...base,
      children: outline.map((block) =>
        typeof block === 'string'
          ? { type: 'paragraph', ...base, textFormat: 0, textStyle: '', children: [text(block)] }
          : 'h' in block
            ? { type: 'heading', tag: 'h2', ...base, children: [text(block.h)] }
            : {
                type: 'list',
                listType: 'bullet',
                tag: 'ul',
                start: 1,
                ...base,
                children: block.list.map((item, i) => ({ type: 'listitem', value: i + 1, ...base, children: [text(item)] })),
              },
      ),
    },
  }
}
