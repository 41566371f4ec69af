import { describe, expect, it } from 'vitest'
import { isDecimal, lineTotal, normalizeDecimal, sumDecimals } from './decimal'

describe('decimal', () => {
  it('normalizes a typed amount', () => {
    expect(normalizeDecimal(' 1 999,90 ')).toBe('1999.90')
    expect(isDecimal('12,5')).toBe(true)
    expect(isDecimal('-1')).toBe(false)
    expect(isDecimal('abc')).toBe(false)
  })

  it('computes a line total exactly', () => {
    expect(lineTotal(3, '10.5', '1')).toBe('30.50')
    expect(lineTotal(3, '0.1')).toBe('0.30')
    expect(lineTotal(2, '1000.00', '200.005')).toBe('1799.995')
    expect(lineTotal(0, '')).toBe('0.00')
  })

  it('adds amounts exactly', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.30')
    expect(sumDecimals([])).toBe('0.00')
  })
})
