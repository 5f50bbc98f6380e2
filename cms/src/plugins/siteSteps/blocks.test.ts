import { describe, expect, it } from 'vitest'
import { checkedBlock, safeLink } from './blocks.ts'
import { checkedValues, MAX_VALUE } from './values.ts'

const site = 'http://localhost:3000/c/northwind'

describe('a plugin block, before the site sees it', () => {
  it('is rebuilt from its known parts only', () => {
    const block = checkedBlock({ kind: 'panel', heading: 'Paid', text: ['Thank you.'], html: '<script>', onClick: 'x' }, site)
    expect(block).toEqual({ kind: 'panel', heading: 'Paid', text: ['Thank you.'] })
  })

  it('sends the patient only to https addresses, the clinic’s own site or a path of it', () => {
    expect(safeLink('https://pay.example/checkout?s=1', 'url', site)).toBe('https://pay.example/checkout?s=1')
    expect(safeLink('/appointments/42', 'url', site)).toBe('/appointments/42')
    expect(safeLink('http://localhost:3000/c/northwind/account/x/y', 'url', site)).toBe('http://localhost:3000/c/northwind/account/x/y')
    for (const bad of [
      'http://pay.example/',
      'javascript:alert(1)',
      'data:text/html,hi',
      '//evil.example/',
      '/\\evil.example',
      'http://localhost:3000/c/other/',
      'http://localhost:3000/c/northwindish/',
      'https://user:pw@pay.example/',
      `https://pay.example/${'a'.repeat(2000)}`,
    ])
      expect(() => safeLink(bad, 'url', site), bad).toThrow()
  })

  it('holds plain text only, in bounded sizes', () => {
    const panel = (text: string[]) => () => checkedBlock({ kind: 'panel', heading: 'H', text }, site)
    expect(panel(['Doses < 5 mg are fine'])).not.toThrow()
    expect(panel(['<b>bold</b>'])).toThrow(/plain text/)
    expect(panel(['two\nlines'])).toThrow(/paragraph/)
    expect(panel(['x'.repeat(4001)])).toThrow(/longer than 4000/)
    expect(panel(Array(21).fill('p'))).toThrow(/20 paragraphs/)
  })

  it('refuses forms without fields, with bad or repeated names, or unknown field types', () => {
    const form = (fields: unknown[]) => () => checkedBlock({ kind: 'form', heading: 'H', text: [], fields, submitLabel: 'Go' }, site)
    expect(form([])).toThrow(/1 to 20 fields/)
    expect(form([{ name: 'a b', label: 'A', type: 'text' }])).toThrow(/name/)
    expect(
      form([
        { name: 'a', label: 'A', type: 'text' },
        { name: 'a', label: 'B', type: 'text' },
      ]),
    ).toThrow(/twice|two fields/)
    expect(form([{ name: 'a', label: 'A', type: 'file' }])).toThrow(/type/)
    expect(form([{ name: 'a', label: 'A', type: 'select', options: [] }])).toThrow(/options/)
    expect(form([{ name: 'a', label: 'A', type: 'checkbox' }])).not.toThrow()
  })

  it('is one of the four kinds', () => {
    expect(() => checkedBlock({ kind: 'html', html: '<p>' }, site)).toThrow(/kind/)
    expect(() => checkedBlock(null, site)).toThrow(/kind/)
    expect(checkedBlock({ kind: 'done', extra: 1 }, site)).toEqual({ kind: 'done' })
  })
})

describe('a form’s values, before the plugin sees them', () => {
  const fields = [
    { name: 'note', label: 'Note', type: 'textarea' as const, required: true },
    { name: 'agree', label: 'I agree', type: 'checkbox' as const },
    { name: 'size', label: 'Size', type: 'select' as const, options: [{ label: 'Small', value: 's' }] },
  ]

  it('are the declared fields, trimmed, empty optional ones left out', () => {
    expect(checkedValues(fields, { note: ' Hello ', agree: 'on', size: '' })).toEqual({ values: { note: 'Hello', agree: 'on' } })
  })

  it('are refused with the reason when a field is undeclared, too long, missing, not text or not a choice', () => {
    expect(checkedValues(fields, { note: 'x', admin: 'true' })).toEqual({ refusal: 'This form has no field "admin".', field: 'admin' })
    expect(checkedValues(fields, { note: 'x'.repeat(MAX_VALUE + 1) })).toMatchObject({ field: 'note', refusal: /at most 4000/ })
    expect(checkedValues(fields, { note: '  ' })).toMatchObject({ field: 'note', refusal: /required/ })
    expect(checkedValues(fields, { note: ['a'] })).toMatchObject({ field: 'note', refusal: /text/ })
    expect(checkedValues(fields, { note: 'x', size: 'xl' })).toMatchObject({ field: 'size', refusal: /options/ })
    expect(checkedValues(fields, { note: 'x', agree: 'yes' })).toMatchObject({ field: 'agree' })
    expect(checkedValues(fields, 'note=x')).toHaveProperty('refusal')
  })
})
