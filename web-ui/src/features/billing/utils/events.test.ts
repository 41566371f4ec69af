import { describe, expect, it } from 'vitest'
import { isBillingEvent } from './events'

describe('billing events', () => {
  it('are payments, planned payments, plans and invoices of the customer', () => {
    for (const type of [
      'PAYMENT_RECORDED',
      'PLANNED_PAYMENT_WRITTEN_OFF',
      'PAYMENT_PLAN_CREATED',
      'INVOICE_CREATED',
    ]) {
      expect(isBillingEvent(type)).toBe(true)
    }
    expect(isBillingEvent('CUSTOMER_UPDATED')).toBe(false)
    expect(isBillingEvent('LICENSE_EXTENDED')).toBe(false)
  })
})
