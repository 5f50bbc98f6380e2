import { describe, expect, it } from 'vitest'
import { initialsOf } from './initials.ts'

describe("an account's initials", () => {
  it('takes the first and last name, without a title', () => {
    expect(initialsOf('Ana Ruiz')).toBe('AR')
    expect(initialsOf('Dr. Ifeoma Ngozi Okafor')).toBe('IO')
    expect(initialsOf('ésha')).toBe('É')
  })
  it('falls back to the email, then to a question mark', () => {
    expect(initialsOf('', 'admin@northwind.demo.test')).toBe('A')
    expect(initialsOf(undefined)).toBe('?')
  })
})
