import { describe, expect, it } from 'vitest'
import { mapUserErrors } from '../../../lib/user-errors'
import type { OpportunityLineFieldsFragment } from '../../../gql/graphql'
import {
  cataloguePrice,
  carryOverLines,
  emptyQuoteLine,
  quoteFieldKeys,
  repriceLines,
  withCatalogueProduct,
  type CatalogueProduct,
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

const money = (amount: string, currency: string) => ({ amount, currency })

const crm: CatalogueProduct = {
  id: 'p1',
  code: 'DD-CRM',
  name: 'DealerDesk CRM',
  editions: [
    { code: 'STD', name: 'Standard', active: true },
    { code: 'PRO', name: 'Professional', active: true },
  ],
  prices: [
    { editionCode: null, tier: null, unitPrice: money('100.00', 'EUR') },
    { editionCode: 'PRO', tier: null, unitPrice: money('250.00', 'EUR') },
    { editionCode: 'PRO', tier: 'GOLD', unitPrice: money('200.00', 'EUR') },
    { editionCode: 'PRO', tier: null, unitPrice: money('27000', 'JPY') },
  ],
}

describe('cataloguePrice', () => {
  it('takes the edition’s list price, never a partner tier’s', () => {
    expect(cataloguePrice(crm, 'PRO', 'EUR')).toBe('250.00')
  })

  it('falls back to the product’s own price for an edition without one', () => {
    expect(cataloguePrice(crm, 'STD', 'EUR')).toBe('100.00')
    expect(cataloguePrice(crm, '', 'EUR')).toBe('100.00')
  })

  it('has no price in a currency the catalogue does not price in', () => {
    expect(cataloguePrice(crm, 'STD', 'JPY')).toBeNull()
    expect(cataloguePrice(crm, 'PRO', 'USD')).toBeNull()
  })
})

describe('withCatalogueProduct', () => {
  it('names the line after the product and edition and fills the catalogue price', () => {
    const picked = withCatalogueProduct(emptyQuoteLine(), crm, 'PRO', 'EUR')
    expect(picked).toMatchObject({
      product: crm,
      editionCode: 'PRO',
      description: 'DealerDesk CRM Professional',
      listPrice: '250.00',
    })
    expect(toQuoteLineInput(picked)).toMatchObject({ productId: 'p1', editionCode: 'PRO' })
  })

  it('keeps the typed price when the catalogue has none in the currency', () => {
    const typed = { ...emptyQuoteLine(), listPrice: '90' }
    expect(withCatalogueProduct(typed, crm, '', 'USD').listPrice).toBe('90')
  })

  it('reprices catalogue lines, and only those, when the currency changes', () => {
    const typed = line({ listPrice: '5.00' })
    const [picked, kept] = repriceLines(
      [withCatalogueProduct(emptyQuoteLine(), crm, 'PRO', 'EUR'), typed],
      'JPY',
    )
    expect(picked?.listPrice).toBe('27000')
    expect(kept).toBe(typed)
  })

  it('sends a typed line without a product', () => {
    expect(toQuoteLineInput(line({}))).not.toHaveProperty('productId')
  })

  it('leaves the price of an untouched or empty catalogue line to the server, which prices it for the customer', () => {
    const picked = withCatalogueProduct(emptyQuoteLine(), crm, 'PRO', 'EUR')
    expect(toQuoteLineInput(picked, 'EUR')).not.toHaveProperty('listPrice')
    expect(toQuoteLineInput({ ...picked, listPrice: '' }, 'EUR')).not.toHaveProperty('listPrice')
    // a price typed over the catalogue's is the user's
    expect(toQuoteLineInput({ ...picked, listPrice: '240.00' }, 'EUR')).toMatchObject({
      listPrice: '240.00',
    })
  })
})

describe('carryOverLines', () => {
  const interest = (
    patch: Partial<OpportunityLineFieldsFragment>,
  ): OpportunityLineFieldsFragment => ({
    position: 1,
    product: 'CRM for 12 seats',
    quantity: 12,
    unitPrice: money('95.00', 'EUR'),
    bought: true,
    ...patch,
  })

  it('takes what the customer buys with quantity and a price in the quote’s currency', () => {
    const lines = carryOverLines(
      [
        interest({}),
        interest({ position: 2, product: 'Looked at only', bought: false }),
        interest({ position: 3, product: 'Training', quantity: 2, unitPrice: money('10', 'USD') }),
      ],
      'EUR',
    )
    expect(
      lines.map(({ description, quantity, listPrice, product }) => ({
        description,
        quantity,
        listPrice,
        product,
      })),
    ).toEqual([
      { description: 'CRM for 12 seats', quantity: '12', listPrice: '95.00', product: null },
      { description: 'Training', quantity: '2', listPrice: '', product: null },
    ])
  })
})
