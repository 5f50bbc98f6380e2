import { describe, expect, it } from 'vitest'
import { richTextHtml, richTextOf } from './richText.ts'

const text = (t: string, format = 0) => ({ type: 'text', text: t, format, style: '', mode: 'normal', detail: 0, version: 1 })
const node = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, format: '', indent: 0, version: 1, children, ...extra })
const doc = (...children: unknown[]) => ({ root: node('root', children) })

describe('richTextHtml', () => {
  it('keeps headings, lists and bold text', () => {
    const html = richTextHtml(
      doc(node('heading', [text('Who sees it')], { tag: 'h2' }), node('list', [node('listitem', [text('Only you')], { value: 1 })], { tag: 'ul', listType: 'bullet' }), node('paragraph', [text('Never sold', 1)])),
    )
    expect(html).toContain('<h2>Who sees it</h2>')
    expect(html).toMatch(/<ul[^>]*>\s*<li[^>]*>Only you<\/li>\s*<\/ul>/)
    expect(html).toContain('<strong>Never sold</strong>')
  })

  it('shows typed markup as text, and drops script links', () => {
    const html = richTextHtml(
      doc(
        node('paragraph', [text('<script>alert(1)</script><img src=x onerror=alert(2)>')]),
        node('link', [text('click')], { fields: { url: 'javascript:alert(3)', linkType: 'custom' } }),
      ),
    )
    expect(html).not.toMatch(/<script|<img|javascript:/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('is empty for no text', () => {
    expect(richTextHtml(null)).toBe('')
    expect(richTextHtml(richTextOf(''))).toBe('')
  })
})
