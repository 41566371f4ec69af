import { describe, expect, it } from 'vitest'
import { addDecimals, formatMoney, sumByCurrency } from './money'

describe('money', () => {
  it('adds decimal strings exactly', () => {
    expect(addDecimals(['0.1', '0.2'])).toBe('0.3')
    expect(addDecimals(['1999.90', '0.1', '1'])).toBe('2001.00')
    expect(addDecimals(['-5.5', '2'])).toBe('-3.5')
    expect(addDecimals([])).toBe('0')
  })

  it('sums per currency', () => {
    expect(
      sumByCurrency([
        { amount: '1', currency: 'USD' },
        null,
        { amount: '2.5', currency: 'EUR' },
        { amount: '3', currency: 'USD' },
      ]),
    ).toEqual([
      { currency: 'EUR', amount: '2.5' },
      { currency: 'USD', amount: '4' },
    ])
  })

  it('formats in the user’s language', () => {
    expect(formatMoney({ amount: '1999.9', currency: 'EUR' }, 'en')).toBe('€1,999.90')
    expect(formatMoney({ amount: '5', currency: 'XXZ' }, 'en')).toContain('XXZ')
  })
})
