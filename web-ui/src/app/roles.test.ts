import { describe, expect, it } from 'vitest'
import { hasAnyRole, startPathFor } from './roles'

describe('start page by role', () => {
  it('sends reps and managers to their reminders, partners to their portal, channel managers to the queue, everyone else to the customers', () => {
    expect(startPathFor(['SALES_REP'])).toBe('/reminders')
    expect(startPathFor(['SALES_MANAGER'])).toBe('/reminders')
    expect(startPathFor(['ADMIN'])).toBe('/customers')
    expect(startPathFor(['ACCOUNTANT'])).toBe('/customers')
    expect(startPathFor(['PARTNER_USER'])).toBe('/portal')
    expect(startPathFor(['CHANNEL_MANAGER'])).toBe('/channel/registrations')
    expect(startPathFor(['ADMIN', 'CHANNEL_MANAGER'])).toBe('/customers')
    expect(startPathFor(['PROJECT_MANAGER'])).toBe('/contracts')
    expect(startPathFor(undefined)).toBe('/customers')
  })

  it('matches any of the wanted roles', () => {
    expect(hasAnyRole(['ACCOUNTANT', 'ADMIN'], ['ADMIN', 'SALES_MANAGER'])).toBe(true)
    expect(hasAnyRole(['SALES_REP'], ['ADMIN', 'SALES_MANAGER'])).toBe(false)
    expect(hasAnyRole(undefined, ['ADMIN'])).toBe(false)
  })
})
