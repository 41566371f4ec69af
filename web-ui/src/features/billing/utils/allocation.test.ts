import { describe, expect, it } from 'vitest'
import {
  compareDecimals,
  divideDecimals,
  subtractDecimals,
  summarizeAllocation,
  type AllocationRow,
} from './allocation'

const row = (key: string, amount: string, open = '1000.00', currency = 'EUR'): AllocationRow => ({
  key,
  amount,
  open,
  currency,
})

describe('exact decimal arithmetic', () => {
  it('subtracts without floating point', () => {
    expect(subtractDecimals('0.3', '0.1')).toBe('0.20')
    expect(subtractDecimals('100', '100.01')).toBe('-0.01')
    expect(subtractDecimals('1 000,50', '0.25')).toBe('1000.25')
  })

  it('compares', () => {
    expect(compareDecimals('0.10', '0.1')).toBe(0)
    expect(compareDecimals('2', '10')).toBe(-1)
    expect(compareDecimals('10.001', '10')).toBe(1)
  })

  it('divides by a rate, rounding half up to cents', () => {
    expect(divideDecimals('100', '1.08')).toBe('92.59')
    expect(divideDecimals('1', '3')).toBe('0.33')
    expect(divideDecimals('2', '3')).toBe('0.67')
    expect(divideDecimals('0.05', '2')).toBe('0.03')
  })
})

describe('a by-hand allocation', () => {
  it('leaves what the rows do not take as credit', () => {
    const summary = summarizeAllocation(
      '1000.00',
      'EUR',
      [row('a', '300.10'), row('b', '299.80'), row('c', '')],
      '',
    )
    expect(summary.allocated).toBe('599.90')
    expect(summary.remaining).toBe('400.10')
    expect(summary.overAllocated).toBe(false)
  })

  it('adds up cents exactly where floating point would not (0.1 + 0.2)', () => {
    const summary = summarizeAllocation('0.30', 'EUR', [row('a', '0.1'), row('b', '0.2')], '')
    expect(summary.allocated).toBe('0.30')
    expect(summary.remaining).toBe('0.00')
    expect(summary.overAllocated).toBe(false)
  })

  it('says when the rows ask for more than the payment or than is open', () => {
    const summary = summarizeAllocation(
      '100',
      'EUR',
      [row('a', '80', '80.00'), row('b', '30', '25.00')],
      '',
    )
    expect(summary.remaining).toBe('-10.00')
    expect(summary.overAllocated).toBe(true)
    expect(summary.overOpen).toEqual(['b'])
  })

  it('marks amounts that are no decimals', () => {
    const summary = summarizeAllocation('100', 'EUR', [row('a', 'ten')], '')
    expect(summary.invalid).toEqual(['a'])
    expect(summary.remaining).toBe('100.00')
  })

  it('converts rows in another currency with the rate and asks for one', () => {
    const usd = row('a', '108.00', '500.00', 'USD')
    expect(summarizeAllocation('200', 'EUR', [usd], '').needsRate).toBe(true)
    const summary = summarizeAllocation('200', 'EUR', [usd], '1.08')
    expect(summary.allocated).toBe('100.00')
    expect(summary.remaining).toBe('100.00')
  })
})
