import { normalizeDecimal } from '../../../lib/decimal'

/** What is wrong with an amount typed into an account's forms, before anything is sent. */
export type AmountProblem = 'required' | 'invalid' | 'notPositive' | 'zero'

const UNSIGNED = /^\d{1,15}(\.\d{1,4})?$/
const SIGNED = /^[-+]?\d{1,15}(\.\d{1,4})?$/

const isZero = (value: string) => /^[-+]?0*(\.0*)?$/.test(value)

/** A payment: more than zero. */
export function paymentAmountProblem(text: string): AmountProblem | null {
  const value = normalizeDecimal(text)
  if (!value) return 'required'
  if (!UNSIGNED.test(value)) return value.startsWith('-') ? 'notPositive' : 'invalid'
  return isZero(value) ? 'notPositive' : null
}

/** An adjustment: in the partner's favour (positive) or against it (negative), never zero. */
export function adjustmentAmountProblem(text: string): AmountProblem | null {
  const value = normalizeDecimal(text)
  if (!value) return 'required'
  if (!SIGNED.test(value)) return 'invalid'
  return isZero(value) ? 'zero' : null
}

/** A credit limit: zero or more; blank means zero. */
export function creditLimitProblem(text: string): AmountProblem | null {
  const value = normalizeDecimal(text)
  if (!value) return null
  return UNSIGNED.test(value) ? null : 'invalid'
}

/** The amount as the API's `Decimal` takes it: "1 999,90" → "1999.90", "+5" → "5". */
export function toDecimal(text: string): string {
  return normalizeDecimal(text).replace(/^\+/, '')
}
