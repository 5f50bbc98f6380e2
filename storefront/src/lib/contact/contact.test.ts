import { describe, expect, it } from 'vitest'
import { addressLines, telHref } from './contact.ts'

describe('telHref', () => {
  it.each([
    ['+1 555 0100', 'tel:+15550100'],
    ['+1 (555) 010-0100', 'tel:+15550100100'],
    ['+91 33 5555 0100', 'tel:+913355550100'],
    ['020 7946 0000', 'tel:02079460000'],
    ['555.0100 ext+2', 'tel:55501002'],
  ])('dials %s as %s', (phone, href) => expect(telHref(phone)).toBe(href))
})

describe('addressLines', () => {
  it('keeps the lines the clinic wrote, without blank ones', () => {
    expect(addressLines('120 Hudson Street, Floor 3\r\n\n  New York, NY 10013 ')).toEqual(['120 Hudson Street, Floor 3', 'New York, NY 10013'])
    expect(addressLines(null)).toEqual([])
  })
})
