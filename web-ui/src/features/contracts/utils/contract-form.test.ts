import { describe, expect, it } from 'vitest'
import {
  toCreateContractInput,
  validateContractForm,
  type ContractFormValues,
} from './contract-form'

const values = (extra: Partial<ContractFormValues> = {}): ContractFormValues => ({
  customerId: 'c1',
  title: 'ERP roll-out',
  quoteId: '',
  orderId: '',
  currency: 'EUR',
  total: '12000',
  ...extra,
})

describe('new contract form', () => {
  it('needs a customer, a title, and currency and total without a quote or order', () => {
    expect(validateContractForm(values())).toEqual({})
    expect(validateContractForm(values({ customerId: '', title: ' ', total: '' }))).toEqual({
      customerId: 'required',
      title: 'required',
      total: 'required',
    })
    expect(validateContractForm(values({ title: 'x'.repeat(201) }))).toEqual({
      title: 'titleTooLong',
    })
    for (const total of ['0', '-5', '1.234', 'abc']) {
      expect(validateContractForm(values({ total }))).toEqual({ total: 'positiveTotal' })
    }
    // a quote gives currency and total
    expect(validateContractForm(values({ quoteId: 'q1', total: '' }))).toEqual({})
  })

  it('sends the quote or order instead of currency and total', () => {
    expect(toCreateContractInput(values({ total: '1 200,50' }))).toEqual({
      customerId: 'c1',
      title: 'ERP roll-out',
      currency: 'EUR',
      total: '1200.50',
    })
    expect(toCreateContractInput(values({ quoteId: 'q1' }), 'd1')).toEqual({
      customerId: 'c1',
      title: 'ERP roll-out',
      opportunityId: 'd1',
      quoteId: 'q1',
    })
  })
})
