import { describe, expect, it } from 'vitest'
import {
  adjustmentAmountProblem,
  creditLimitProblem,
  paymentAmountProblem,
  toDecimal,
} from './account-form'

describe('account form amounts', () => {
  it('takes a payment above zero, written the user’s way', () => {
    expect(paymentAmountProblem('1 250,50')).toBeNull()
    expect(paymentAmountProblem('0.0001')).toBeNull()
    expect(paymentAmountProblem('')).toBe('required')
    expect(paymentAmountProblem('0,00')).toBe('notPositive')
    expect(paymentAmountProblem('-5')).toBe('notPositive')
    expect(paymentAmountProblem('1.23456')).toBe('invalid')
    expect(paymentAmountProblem('12a')).toBe('invalid')
  })

  it('takes an adjustment either way but not zero', () => {
    expect(adjustmentAmountProblem('-40.5')).toBeNull()
    expect(adjustmentAmountProblem('+40')).toBeNull()
    expect(adjustmentAmountProblem('-0')).toBe('zero')
    expect(adjustmentAmountProblem('--4')).toBe('invalid')
  })

  it('takes a blank credit limit as zero and refuses a negative one', () => {
    expect(creditLimitProblem('')).toBeNull()
    expect(creditLimitProblem('500')).toBeNull()
    expect(creditLimitProblem('-1')).toBe('invalid')
  })

  it('sends the amount as the API’s Decimal', () => {
    expect(toDecimal(' 1 250,50 ')).toBe('1250.50')
    expect(toDecimal('+40')).toBe('40')
    expect(toDecimal('-40,5')).toBe('-40.5')
  })
})
