import { describe, expect, it } from 'vitest'
import { mapUserErrors } from '../../../lib/user-errors'
import {
  emptyQuoteLine,
  quoteFieldKeys,
  toCreateQuoteInput,
  toQuoteLineInput,
  type QuoteLineValues,
} from './quote-form'

const line = (patch: Partial<QuoteLineValues>): QuoteLineValues => ({
  ...emptyQuoteLine(),
  description: 'DealerDesk Pro licence',
  quantity: '5',
  listPrice: '1999.90',
  ...patch,
})

describe('toQuoteLineInput', () => {
  it('sends a percentage discount as discountPercent only', () => {
    expect(toQuoteLineInput(line({ discountKind: 'percent', discount: '12,5' }))).toEqual({
      description: 'DealerDesk Pro licence',
      quantity: 5,
      listPrice: '1999.90',
      discountPercent: '12.5',
    })
  })

  it('sends an amount discount as discountAmount only', () => {
    const input = toQuoteLineInput(line({ discountKind: 'amount', discount: '1 000.00' }))
    expect(input.discountAmount).toBe('1000.00')
    expect(input).not.toHaveProperty('discountPercent')
  })

  it('sends no discount when the field is empty', () => {
    const input = toQuoteLineInput(line({ discountKind: 'amount', discount: '  ' }))
    expect(input).not.toHaveProperty('discountAmount')
    expect(input).not.toHaveProperty('discountPercent')
  })

  it('trims the description and normalises the list price', () => {
    expect(
      toQuoteLineInput(line({ description: '  Support  ', listPrice: '1 999,90' })),
    ).toMatchObject({ description: 'Support', listPrice: '1999.90' })
  })
})

describe('toCreateQuoteInput', () => {
  it('maps every line in order', () => {
    const input = toCreateQuoteInput('opp-1', {
      currency: 'EUR',
      validUntil: '2026-12-31',
      lines: [line({}), line({ description: 'Training', quantity: '1', discount: '10' })],
    })
    expect(input.opportunityId).toBe('opp-1')
    expect(input.currency).toBe('EUR')
    expect(input.validUntil).toBe('2026-12-31')
    expect(input.lines.map((l) => l.description)).toEqual(['DealerDesk Pro licence', 'Training'])
    expect(input.lines[1]).toMatchObject({ quantity: 1, discountPercent: '10' })
  })
})

describe('quoteFieldKeys', () => {
  it('puts server errors at the line fields', () => {
    const mapped = mapUserErrors(
      [
        { field: ['input', 'lines', '0', 'listPrice'], code: 'INVALID_VALUE', message: 'negative' },
        {
          field: ['input', 'lines', '1', 'discountPercent'],
          code: 'INVALID_VALUE',
          message: '> 100',
        },
        {
          field: ['input', 'lines', '7', 'quantity'],
          code: 'INVALID_VALUE',
          message: 'unknown line',
        },
      ],
      quoteFieldKeys(2),
    )
    expect(Object.keys(mapped.byField).sort()).toEqual([
      'lines',
      'lines.0.listPrice',
      'lines.1.discountPercent',
    ])
    expect(mapped.general).toEqual([])
  })
})
