import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

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
