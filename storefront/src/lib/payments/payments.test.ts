import { describe, expect, it } from 'vitest'
import { formatMoney } from '../format.ts'
import { netPaid, PAYMENT_STATUS_LABEL, paymentLine, type PaymentStatus } from './payments.ts'

const money = (minor: number) => formatMoney(minor, 'USD', 'en-US')
const payment = (status: PaymentStatus, more: { amountRefunded?: number; checkoutUrl?: string | null } = {}) => ({
  id: 7,
  status,
  amount: 4500,
  amountRefunded: 0,
  checkoutUrl: null,
  ...more,
})

describe("a visit's payment line", () => {
  it('says what was paid, refunded or is due, with the receipt where money was taken', () => {
    expect(paymentLine(payment('paid'), money, '/payments/7')).toEqual({
      text: 'Paid $45.00',
      link: { label: 'receipt', href: '/payments/7' },
    })
    expect(paymentLine(payment('due'), money, '/payments/7')).toEqual({ text: 'Pay at the clinic: $45.00 due', link: null })
    expect(paymentLine(payment('refunded', { amountRefunded: 4500 }), money, '/payments/7').text).toBe('Refunded $45.00')
    expect(paymentLine(payment('partially-refunded', { amountRefunded: 2000 }), money, '/payments/7').text).toBe(
      'Paid $45.00, $20.00 refunded',
    )
  })

  it('links an open payment to its payment page, and only while it has one', () => {
    const url = 'https://checkout.stripe.com/c/pay/cs_test_1'
    expect(paymentLine(payment('open', { checkoutUrl: url }), money, '/payments/7').link).toEqual({
      label: 'pay now',
      href: url,
      external: true,
    })
    expect(paymentLine(payment('open'), money, '/payments/7').link).toBeNull()
    for (const status of ['expired', 'failed', 'cancelled'] as const)
      expect(paymentLine(payment(status), money, '/payments/7').link).toBeNull()
  })

  it('has words for every status, and counts as paid only what was taken and kept', () => {
    for (const status of Object.keys(PAYMENT_STATUS_LABEL) as PaymentStatus[])
      expect(paymentLine(payment(status), money, '/x').text).toBeTruthy()
    expect(netPaid(payment('partially-refunded', { amountRefunded: 2000 }))).toBe(2500)
    expect(netPaid(payment('refunded', { amountRefunded: 4500 }))).toBe(0)
    expect(netPaid(payment('due'))).toBe(0)
    expect(netPaid(payment('open'))).toBe(0)
  })
})
