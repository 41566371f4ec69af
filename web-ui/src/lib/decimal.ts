/** Exact decimal strings for money in forms: no floating point on the way to the API. */

/** "1 999,90" → "1999.90"; "" stays "". */
export function normalizeDecimal(value: string): string {
  return value.trim().replace(/\s/g, '').replace(',', '.')
}

/** A non-negative amount with at most four decimals, as the API's `Decimal` takes it. */
export function isDecimal(value: string): boolean {
  return /^\d+(\.\d{1,4})?$/.test(normalizeDecimal(value))
}

function toUnits(value: string, scale: number): bigint {
  const trimmed = normalizeDecimal(value)
  const negative = trimmed.startsWith('-')
  const [whole = '0', fraction = ''] = trimmed.replace(/^[-+]/, '').split('.')
  const units = BigInt((whole || '0') + fraction.padEnd(scale, '0').slice(0, scale))
  return negative ? -units : units
}

function fromUnits(units: bigint, scale: number): string {
  const sign = units < 0n ? '-' : ''
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0')
  return scale === 0 ? sign + digits : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

const scaleOf = (value: string) => normalizeDecimal(value).split('.')[1]?.length ?? 0

/** quantity × unit price − discount, exactly, with at least two decimals ("3" × "10.5" − "1" = "30.50"). */
export function lineTotal(quantity: number, unitPrice: string, discount = '0'): string {
  const scale = Math.max(2, scaleOf(unitPrice), scaleOf(discount))
  const total =
    BigInt(quantity) * toUnits(unitPrice || '0', scale) - toUnits(discount || '0', scale)
  return fromUnits(total, scale)
}

/** The exact sum of decimal strings, with at least two decimals. */
export function sumDecimals(values: readonly string[]): string {
  const scale = Math.max(2, ...values.map(scaleOf))
  return fromUnits(
    values.reduce((sum, value) => sum + toUnits(value || '0', scale), 0n),
    scale,
  )
}
