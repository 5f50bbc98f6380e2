import { describe, expect, it } from 'vitest'
import { checkTemplate } from './index.ts'
import { handlebars } from './handlebars.ts'
import { valueNamesIn } from './testSupport.ts'

const refused = (source: string) => {
  const check = checkTemplate(source)
  if (check.ok) throw new Error(`accepted: ${source}`)
  return check
}

describe('checkTemplate', () => {
  it('accepts the templates a clinic writes', () => {
    expect(checkTemplate('Hello {{recipientName}}')).toEqual({ ok: true })
    expect(checkTemplate('{{#if doctorName}}{{doctorName}}{{else}}Your care team{{/if}}\n{{button link "Open"}}')).toEqual({ ok: true })
    expect(checkTemplate('')).toEqual({ ok: true })
  })

  it('says on which line a broken template breaks, and why', () => {
    const check = refused('Hello {{#if x}}\n{{name}')
    expect(check.line).toBe(2)
    expect(check.message).toMatch(/not closed/)
    expect(check.message).not.toMatch(/CLOSE_RAW_BLOCK|Expecting/)
  })

  it('finds an unclosed block at the end, and a mismatched one where it closes', () => {
    expect(refused('Hello\n{{#if x}}\nthere\n')).toMatchObject({ line: 4, message: expect.stringMatching(/\{\{\/if\}\}/) })
    expect(refused('a\n{{#each items}}\n{{/if}}')).toMatchObject({ line: 2, message: expect.stringContaining('{{/if}}') })
  })

  it('refuses triple-stash and {{& }}, which would put a value in the email unescaped', () => {
    expect(refused('Hi\n{{{recipientName}}}')).toMatchObject({ line: 2, message: expect.stringContaining('{{recipientName}}') })
    expect(refused('{{& recipientName}}').ok).toBe(false)
  })

  it('refuses partials, decorators and helpers that do not exist', () => {
    expect(refused('{{> header}}').message).toMatch(/partials/)
    expect(refused('{{#> layout}}x{{/layout}}').message).toMatch(/partials/)
    expect(refused('{{* inline}}').message).toMatch(/decorators/)
    expect(refused('line 1\n{{log recipientName}}')).toMatchObject({ line: 2, message: expect.stringContaining('no helper called "log"') })
    expect(refused('{{lookup this "x"}}').ok).toBe(false)
    expect(refused('{{#if (lookup this "x")}}y{{/if}}').ok).toBe(false)
  })

  it('refuses loops, the root and parent scopes, and deep nesting: a template that could run for ever', () => {
    // Nested loops over the root ran 5^depth times: eight deep took a third of a second, and a template may hold 800.
    expect(refused('{{#each @root}}{{#each @root}}x{{/each}}{{/each}}').message).toMatch(/each/)
    expect(refused('{{#with recipientName}}{{this}}{{/with}}').message).toMatch(/with/)
    expect(refused('{{@root.recipientName}}').message).toMatch(/by its name/)
    expect(refused('{{#if link}}{{../link}}{{/if}}').message).toMatch(/by its name/)
    expect(refused('{{this}}').message).toMatch(/by its name/)
    const nested = (n: number) => '{{#if link}}'.repeat(n) + 'x' + '{{/if}}'.repeat(n)
    expect(checkTemplate(nested(4))).toEqual({ ok: true })
    expect(refused(nested(5)).message).toMatch(/nested more than 4/)
  })

  it('refuses built-in blocks without their value, and a malformed button', () => {
    expect(refused('{{#if}}x{{/if}}').message).toMatch(/exactly one value/)
    expect(refused('{{if}}').ok).toBe(false)
    expect(refused('{{button}}').message).toMatch(/button link "Label"/)
    expect(refused('{{#button link}}x{{/button}}').ok).toBe(false)
  })
})

describe('the value names of a template (as the tests read them)', () => {
  it('are the values read, not the helpers called', () => {
    const names = valueNamesIn(handlebars.parse('{{#if doctorName}}{{when}}{{/if}} {{button link "L"}} {{@index}}'))
    expect([...names].sort()).toEqual(['doctorName', 'link', 'when'])
  })
})
