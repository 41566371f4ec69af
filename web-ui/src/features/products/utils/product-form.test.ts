import { describe, expect, it } from 'vitest'
import type { ProductFieldsFragment } from '../../../gql/graphql'
import {
  checkProductValues,
  emptyProduct,
  productValues,
  toCreateProductInput,
  toUpdateProductInput,
} from './product-form'

const product: ProductFieldsFragment = {
  id: 'p1',
  code: 'DD-CRM',
  name: 'DealerDesk CRM',
  description: null,
  kind: 'PROGRAM',
  licenseModel: 'SUBSCRIPTION',
  termMonths: 12,
  seatBasis: 'PER_SEAT',
  editions: [{ code: 'PRO', name: 'Professional', active: true }],
  prices: [
    { editionCode: 'PRO', tier: null, unitPrice: { amount: '120.00', currency: 'EUR' } },
    { editionCode: null, tier: 'GOLD', unitPrice: { amount: '90.00', currency: 'EUR' } },
  ],
  active: true,
  version: 4,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
}

describe('product form', () => {
  it('builds a create input with upper-case codes and exact prices', () => {
    const values = {
      ...emptyProduct(),
      code: 'dd-crm',
      name: ' CRM ',
      editions: [{ code: 'pro', name: 'Pro', active: true }],
      prices: [{ editionCode: 'PRO', tier: '', currency: 'EUR', unitPrice: '1 200,50' }],
    }
    expect(toCreateProductInput(values)).toEqual({
      code: 'DD-CRM',
      kind: 'PROGRAM',
      name: 'CRM',
      description: null,
      licenseModel: 'PERPETUAL',
      termMonths: null,
      seatBasis: 'PER_SEAT',
      editions: [{ code: 'PRO', name: 'Pro', active: true }],
      prices: [
        { editionCode: 'PRO', tier: null, unitPrice: { amount: '1200.50', currency: 'EUR' } },
      ],
    })
  })

  it('round-trips a product into an update with its version', () => {
    const input = toUpdateProductInput(product, productValues(product))
    expect(input).toMatchObject({ id: 'p1', expectedVersion: 4, termMonths: 12 })
    expect(input.prices).toEqual([
      { editionCode: 'PRO', tier: null, unitPrice: { amount: '120.00', currency: 'EUR' } },
      { editionCode: null, tier: 'GOLD', unitPrice: { amount: '90.00', currency: 'EUR' } },
    ])
  })

  it('sends no license model, term or seats for a service', () => {
    const values = { ...productValues(product), kind: 'SERVICE' as const }
    expect(toUpdateProductInput(product, values)).toMatchObject({
      licenseModel: 'NONE',
      termMonths: null,
      seatBasis: null,
    })
  })

  it('checks code, term and prices at their fields', () => {
    const values = {
      ...emptyProduct(),
      code: 'bad code',
      name: '',
      licenseModel: 'SUBSCRIPTION' as const,
      prices: [{ editionCode: '', tier: '', currency: 'EUR', unitPrice: 'ten' }],
    }
    expect(checkProductValues(values, true).map((e) => [e.field?.join('.'), e.code])).toEqual([
      ['input.code', 'INVALID_FORMAT'],
      ['input.name', 'REQUIRED'],
      ['input.termMonths', 'REQUIRED'],
      ['input.prices.0.unitPrice.amount', 'INVALID_FORMAT'],
    ])
  })
})
