import { describe, expect, it } from 'vitest'
import { fromLocalInput, inDays, inHours, nextWeekAt, toLocalInput, tomorrowAt } from './datetime'

describe('datetime-local values', () => {
  it('round-trips a local wall-clock time through UTC', () => {
    const local = new Date(2026, 10, 23, 9, 5)
    expect(toLocalInput(local)).toBe('2026-11-23T09:05')
    expect(fromLocalInput('2026-11-23T09:05')).toBe(local.toISOString())
  })

  it('rejects what is not a date-time', () => {
    expect(fromLocalInput('')).toBeUndefined()
    expect(fromLocalInput('tomorrow')).toBeUndefined()
  })
})

describe('quick choices', () => {
  // a Wednesday
  const now = new Date(2026, 10, 25, 14, 37, 12)

  it('moves by hours and days, to the minute', () => {
    expect(inHours(now, 1)).toEqual(new Date(2026, 10, 25, 15, 37))
    expect(inDays(now, 3)).toEqual(new Date(2026, 10, 28, 14, 37))
  })

  it('finds tomorrow morning and next Monday morning', () => {
    expect(tomorrowAt(now, 9)).toEqual(new Date(2026, 10, 26, 9, 0))
    expect(nextWeekAt(now, 9)).toEqual(new Date(2026, 10, 30, 9, 0))
    // from a Monday, the Monday after
    expect(nextWeekAt(new Date(2026, 10, 30, 8), 9)).toEqual(new Date(2026, 11, 7, 9, 0))
    // from a Sunday, the next day
    expect(nextWeekAt(new Date(2026, 10, 29, 20), 9)).toEqual(new Date(2026, 10, 30, 9, 0))
  })
})
