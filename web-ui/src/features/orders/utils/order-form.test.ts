import { describe, expect, it } from 'vitest'
import {
  checkOrderValues,
  emptyOrderLine,
  orderLineTotal,
  orderTotal,
  toCreateOrderInput,
  withCataloguePrice,
} from './order-form'

const line = (patch: Partial<ReturnType<typeof emptyOrderLine>>) => ({
  ...emptyOrderLine(),
  productId: 'p1',
  ...patch,
})

describe('order form', () => {
  it('computes line totals and the order total exactly', () => {
    const a = line({ quantity: '3', unitPrice: '99.90', discount: '9,70' })
    const b = line({ quantity: '2', unitPrice: '0.10' })
    expect(orderLineTotal(a)).toBe('290.00')
    expect(orderLineTotal(b)).toBe('0.20')
    expect(orderLineTotal(line({ unitPrice: '' }))).toBeNull()
    expect(orderTotal([a, b, line({ unitPrice: 'x' })])).toBe('290.20')
  })

  it('prefills the catalogue price until the user types one', () => {
    const fresh = line({ unitPrice: '' })
    expect(withCataloguePrice(fresh, { amount: '120.00' }).unitPrice).toBe('120.00')
    expect(withCataloguePrice({ ...fresh, unitPrice: '5' }, null).unitPrice).toBe('')
    const typed = line({ unitPrice: '100', priceTouched: true })
    expect(withCataloguePrice(typed, { amount: '120.00' }).unitPrice).toBe('100')
  })

  it('checks lines at their fields', () => {
    const errors = checkOrderValues({
      customerId: '',
      currency: 'EUR',
      lines: [line({ productId: '', quantity: '0', discount: 'a' })],
    })
    expect(errors.map((e) => [e.field?.join('.'), e.code])).toEqual([
      ['input.customerId', 'REQUIRED'],
      ['input.lines.0.productId', 'REQUIRED'],
      ['input.lines.0.quantity', 'INVALID_VALUE'],
      ['input.lines.0.discount', 'INVALID_FORMAT'],
    ])
  })

  it('leaves an empty price to the catalogue', () => {
    expect(
      toCreateOrderInput({
        customerId: 'c1',
        currency: 'EUR',
        lines: [line({ editionCode: 'PRO', quantity: '2', unitPrice: '', discount: '1,5' })],
      }),
    ).toEqual({
      customerId: 'c1',
      currency: 'EUR',
      lines: [
        { productId: 'p1', editionCode: 'PRO', quantity: 2, unitPrice: null, discount: '1.5' },
      ],
    })
  })
})
