import { describe, expect, it } from 'vitest'
import { periodOf, progressToNextBand } from './period'

const money = (amount: string) => ({ amount })
const band = (amount: string) => ({ threshold: money(amount) })

describe('periods', () => {
  it('names whole months, at most 24 of them', () => {
    const today = new Date(2026, 11, 2)
    expect(periodOf('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    expect(periodOf('lastYear', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' })
    expect(periodOf('thisQuarter', today)).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(periodOf('last12Months', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    expect(periodOf('last12Months', new Date(2026, 1, 10))).toEqual({
      from: '2025-03-01',
      to: '2026-02-28',
    })
  })
})

describe('rebate progress', () => {
  it('runs from the band reached (or zero) to the next band, full at the top', () => {
    expect(progressToNextBand({ volume: money('500000'), nextBand: band('1000000') })).toBe(50)
    expect(
      progressToNextBand({
        volume: money('2000000'),
        currentBand: band('1000000'),
        nextBand: band('3000000'),
      }),
    ).toBe(50)
    expect(
      progressToNextBand({
        volume: money('1000000'),
        currentBand: band('1000000'),
        nextBand: band('3000000'),
      }),
    ).toBe(0)
    expect(progressToNextBand({ volume: money('5000000'), currentBand: band('3000000') })).toBe(100)
  })
})
