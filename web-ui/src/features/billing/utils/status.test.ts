import { describe, expect, it } from 'vitest'
import { PlannedPaymentStatus } from '../../../gql/graphql'
import { en } from '../locales/en'
import { invoicePaymentTone, plannedPaymentTone, toneClass } from './status'

describe('status colours', () => {
  it('gives every planned payment status a colour and a name', () => {
    for (const status of Object.values(PlannedPaymentStatus)) {
      expect(toneClass(plannedPaymentTone(status))).toMatch(/^badge badge-tone-/)
      expect(en.plannedStatus[status]).toBeTruthy()
    }
  })

  it('marks overdue as danger, paid as success, due as warning', () => {
    expect(plannedPaymentTone('OVERDUE')).toBe('danger')
    expect(plannedPaymentTone('PAID')).toBe('success')
    expect(plannedPaymentTone('DUE')).toBe('warning')
    expect(invoicePaymentTone('PAID')).toBe('success')
    expect(invoicePaymentTone('UNPAID')).toBe('warning')
  })
})
