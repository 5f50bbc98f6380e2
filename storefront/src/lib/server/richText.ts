import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { convertLexicalToHTML, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'

/** Rich text from the CMS (Lexical JSON) as paragraphs of plain text: the site renders no stored HTML. */
export const paragraphs = (richText: unknown): string[] =>
  richText && typeof richText === 'object'
    ? convertLexicalToPlaintext({ data: richText as never })
        .split(/\n+/)
        .map((p) => p.trim())
        .filter(Boolean)
    : []

/** Plain text typed into a form → Lexical JSON, one paragraph per line, for a rich-text field. */
export function richTextOf(text: string) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: lines.map((line) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: line ? [{ type: 'text', text: line, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] : [],
      })),
    },
  }
}

/**
 * Rich text from the CMS (Lexical JSON) as HTML, for pages that show a clinic's own
 * formatted text (/privacy, /terms). Made from the JSON by Payload's converter, which
 * escapes every text and attribute and drops unsafe link targets (`javascript:`), so
 * what an admin types shows as text, never as markup. Uploaded images are left out:
 * their URLs name PUBLIC_URL, which the clinic's own domain may not load (see media.ts).
 * Empty when there is no text.
 */
export function richTextHtml(richText: unknown): string {
  if (!richText || typeof richText !== 'object' || !('root' in richText)) return ''
  return convertLexicalToHTML({ data: richText as never, disableContainer: true, converters: withoutUploads })
}
const withoutUploads: HTMLConvertersFunction = ({ defaultConverters }) => ({ ...defaultConverters, upload: () => '' })
