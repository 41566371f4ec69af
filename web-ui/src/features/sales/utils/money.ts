export type MoneyValue = { amount: string; currency: string }

/** Adds decimal strings exactly ("1999.90" + "0.1" = "2000.00"), without floating point. */
export function addDecimals(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map((value) => value.split('.')[1]?.length ?? 0))
  let total = 0n
  for (const value of values) {
    const negative = value.trim().startsWith('-')
    const [whole = '0', fraction = ''] = value.trim().replace(/^[-+]/, '').split('.')
    const units = BigInt((whole || '0') + fraction.padEnd(scale, '0'))
    total += negative ? -units : units
  }
  const sign = total < 0n ? '-' : ''
  const digits = (total < 0n ? -total : total).toString().padStart(scale + 1, '0')
  return scale === 0 ? sign + digits : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

/** Sums amounts per currency, currencies in alphabetical order. */
export function sumByCurrency(values: readonly (MoneyValue | null | undefined)[]): MoneyValue[] {
  const byCurrency = new Map<string, string[]>()
  for (const value of values) {
    if (!value) continue
    const list = byCurrency.get(value.currency) ?? []
    list.push(value.amount)
    byCurrency.set(value.currency, list)
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amounts]) => ({ currency, amount: addDecimals(amounts) }))
}

/** "€1,999.90", "1 999,90 €", "¥1,999.90"… in the user's language. */
export function formatMoney(money: MoneyValue | null | undefined, locale: string): string {
  if (!money) return ''
  const value = Number(money.amount)
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
      value,
    )
  } catch {
    return `${new Intl.NumberFormat(locale).format(value)} ${money.currency}`
  }
}

/** Currencies offered in forms; the API accepts any ISO 4217 code. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CNY', 'RUB', 'CHF', 'PLN'] as const
