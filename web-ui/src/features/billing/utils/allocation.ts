import { isDecimal, normalizeDecimal, sumDecimals } from '../../../lib/decimal'

/** A row of a by-hand allocation: an amount in the target's currency ('' = not allocated). */
export type AllocationRow = { key: string; currency: string; open: string; amount: string }

const negate = (value: string) => {
  const v = normalizeDecimal(value)
  return v.startsWith('-') ? v.slice(1) : `-${v}`
}

/** a − b exactly, with at least two decimals. */
export function subtractDecimals(a: string, b: string): string {
  return sumDecimals([a || '0', negate(b || '0')])
}

/** < 0, 0 or > 0 as a is less than, equal to or greater than b; exact. */
export function compareDecimals(a: string, b: string): number {
  const difference = subtractDecimals(a, b)
  if (/^-?0(\.0*)?$/.test(difference)) return 0
  return difference.startsWith('-') ? -1 : 1
}

/**
 * `amount ÷ rate` rounded half up to `scale` decimals, in integers: an amount in a target's
 * currency back in the payment's currency (the rate is target units per payment unit).
 */
export function divideDecimals(amount: string, rate: string, scale = 2): string {
  const [aw = '0', af = ''] = normalizeDecimal(amount).split('.')
  const [rw = '0', rf = ''] = normalizeDecimal(rate).split('.')
  const a = BigInt(aw + af) * 10n ** BigInt(rf.length)
  const r = BigInt(rw + rf) * 10n ** BigInt(af.length)
  if (r === 0n) return sumDecimals(['0'])
  // a / r = units / 10^scale
  const numerator = a * 10n ** BigInt(scale)
  const units = (2n * numerator + r) / (2n * r)
  const digits = units.toString().padStart(scale + 1, '0')
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

export type AllocationSummary = {
  /** What the rows take of the payment, in the payment's currency. */
  allocated: string
  /** What is left: the customer's credit; negative when the rows ask for more than the payment. */
  remaining: string
  overAllocated: boolean
  /** Keys of rows that ask for more than is open of them. */
  overOpen: string[]
  /** Keys of rows whose amount is no decimal. */
  invalid: string[]
  /** Whether a row in another currency needs an exchange rate. */
  needsRate: boolean
}

/**
 * The arithmetic of a by-hand allocation, exactly (decimal strings, never floating point): each
 * row in its target's currency, converted back with `rate` when that differs from the payment's.
 */
export function summarizeAllocation(
  paymentAmount: string,
  paymentCurrency: string,
  rows: readonly AllocationRow[],
  rate: string,
): AllocationSummary {
  const used = rows.filter((row) => row.amount.trim() !== '')
  const invalid = used.filter((row) => !isDecimal(row.amount)).map((row) => row.key)
  const valid = used.filter((row) => isDecimal(row.amount))
  const needsRate = valid.some((row) => row.currency !== paymentCurrency)
  const rateUsable = isDecimal(rate) && compareDecimals(rate, '0') > 0
  const inPaymentCurrency = valid.map((row) =>
    row.currency === paymentCurrency
      ? normalizeDecimal(row.amount)
      : rateUsable
        ? divideDecimals(row.amount, rate)
        : '0',
  )
  const allocated = sumDecimals(inPaymentCurrency)
  const remaining = subtractDecimals(isDecimal(paymentAmount) ? paymentAmount : '0', allocated)
  return {
    allocated,
    remaining,
    overAllocated: compareDecimals(remaining, '0') < 0,
    overOpen: valid.filter((row) => compareDecimals(row.amount, row.open) > 0).map((r) => r.key),
    invalid,
    needsRate,
  }
}
