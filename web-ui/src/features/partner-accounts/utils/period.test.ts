import { describe, expect, it } from 'vitest'
import { finishedYears, thisQuarter } from './period'

describe('thisQuarter', () => {
  it('is the calendar quarter of the day, both ends inclusive', () => {
    expect(thisQuarter(new Date(2026, 11, 2))).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(thisQuarter(new Date(2026, 0, 1))).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(thisQuarter(new Date(2028, 4, 31))).toEqual({ from: '2028-04-01', to: '2028-06-30' })
  })
})

describe('finishedYears', () => {
  const today = new Date(2026, 11, 2)

  it('offers the finished years an open-ended agreement ran in, latest first', () => {
    expect(finishedYears({ startsOn: '2024-03-01', endsOn: null }, today)).toEqual([2025, 2024])
  })

  it('stops at the year the agreement ended', () => {
    expect(finishedYears({ startsOn: '2022-01-01', endsOn: '2023-06-30' }, today)).toEqual([
      2023, 2022,
    ])
  })

  it('offers nothing while the agreement’s first year is not over', () => {
    expect(finishedYears({ startsOn: '2026-01-01', endsOn: null }, today)).toEqual([])
  })
})
