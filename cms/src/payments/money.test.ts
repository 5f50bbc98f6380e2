import { describe, expect, it } from 'vitest'
import { formatMoney, minorDigits, toMinor } from './money.ts'

describe('money in minor units', () => {
  it('knows the minor unit of currencies with 0, 2 and 3 decimals', () => {
    expect([minorDigits('JPY'), minorDigits('USD'), minorDigits('KWD'), minorDigits('INR')]).toEqual([0, 2, 3, 2])
  })

  it('turns a fee typed in the main unit into whole minor units, without float drift', () => {
    expect(toMinor(45, 'USD')).toBe(4500)
    expect(toMinor(0.29, 'USD')).toBe(29)
    expect(toMinor(19.99, 'EUR')).toBe(1999)
    expect(toMinor(4500, 'JPY')).toBe(4500)
    expect(toMinor(12.345, 'KWD')).toBe(12345)
  })

  it('shows amounts as patients read them, each currency with its own decimals', () => {
    expect(formatMoney(4500, 'USD')).toBe('$45.00')
    expect(formatMoney(4500, 'JPY')).toBe('¥4,500')
    expect(formatMoney(12345, 'KWD')).toMatch(/^KWD\s12\.345$/)
    expect(formatMoney(150000, 'INR', 'en-IN')).toBe('₹1,500.00')
  })
})
