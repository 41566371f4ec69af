import { describe, expect, it } from 'vitest'
import { monthEnd, monthStart, monthsBetween, receivedVsPlanned } from './collections'

describe('months', () => {
  it('moves by whole months to the first of the month, across years', () => {
    expect(monthStart('2026-12-15')).toBe('2026-12-01')
    expect(monthStart('2026-12-15', -11)).toBe('2026-01-01')
    expect(monthStart('2026-03-31', -3)).toBe('2025-12-01')
    expect(monthStart('2026-12-02', 11)).toBe('2027-11-01')
  })

  it('knows the last day of a month', () => {
    expect(monthEnd('2028-02-01')).toBe('2028-02-29')
    expect(monthEnd('2026-11-05')).toBe('2026-11-30')
  })

  it('counts the months of a period', () => {
    expect(monthsBetween('2026-12-01', '2027-11-30')).toBe(12)
    expect(monthsBetween('2026-01-01', '2027-12-31')).toBe(24)
  })
})

describe('received against planned', () => {
  it('takes the received amounts of the chosen currency only', () => {
    const data = receivedVsPlanned(
      [
        { month: '2026-11-01', amount: { amount: '100.00', currency: 'EUR' } },
        { month: '2026-11-01', amount: { amount: '999.00', currency: 'USD' } },
      ],
      [
        { month: '2026-11-01', planned: { amount: '150.00', currency: 'EUR' } },
        { month: '2026-12-01', planned: { amount: '50.00', currency: 'EUR' } },
      ],
      'EUR',
    )
    expect(data).toEqual([
      { month: '2026-11-01', received: 100, planned: 150 },
      { month: '2026-12-01', received: 0, planned: 50 },
    ])
  })
})
