import { describe, expect, it } from 'vitest'
import { homeOf, priceLabel } from './home.ts'

describe('priceLabel', () => {
  it.each([
    [90, 'USD', '$90'],
    [89.5, 'USD', '$89.50'],
    [1500, 'INR', '₹1,500'],
    [0, 'EUR', 'Free'],
  ])('shows %s %s as %s', (price, currency, label) => expect(priceLabel(price, currency)).toBe(label))
})

describe('homeOf', () => {
  it('is empty for a clinic that wrote nothing', () => {
    expect(homeOf(undefined)).toEqual({ heroHeading: '', heroText: '', heroImage: null, services: [], faq: [], openingHours: [] })
  })

  it('leaves out rows that would show broken, and reads a populated picture by id', () => {
    const home = homeOf({
      heroHeading: '  Hello  ',
      heroImage: { id: 7, url: '/api/media/file/a.png' },
      services: [{ name: 'Visit', price: 50 }, { name: '', price: 10 }, { name: 'No price' }],
      faq: [{ question: 'Q?', answer: 'A.' }, { question: 'Unanswered?', answer: ' ' }],
    })
    expect([home.heroHeading, home.heroImage]).toEqual(['Hello', 7])
    expect(home.services).toEqual([{ name: 'Visit', description: '', price: 50, minutes: null }])
    expect(home.faq).toEqual([{ question: 'Q?', answer: 'A.' }])
  })
})
