import { describe, expect, it } from 'vitest'
import { hostnameOf } from './clinic.ts'

describe('hostnameOf', () => {
  it.each([
    ['northwind.localhost:3000', 'northwind.localhost'],
    ['Sunrise.LOCALHOST', 'sunrise.localhost'],
    ['localhost', 'localhost'],
    ['127.0.0.1:3000', '127.0.0.1'],
    ['[::1]:3000', '[::1]'],
    ['care.clinic.example', 'care.clinic.example'],
  ])('reads %s as %s', (header, expected) => expect(hostnameOf(header)).toBe(expected))

  it.each([null, '', 'bad host/../', 'x"y'])('refuses %o', (header) => expect(hostnameOf(header)).toBeNull())
})
