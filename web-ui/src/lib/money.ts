/** An amount of money as the API sends it. */
export type MoneyLike = { amount: string; currency: string }

/** "€1,999.90", "1 999,90 €", "¥1,999.90"… in the user's language. */
export function formatAmount(money: MoneyLike | null | undefined, locale: string): string {
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
export const FORM_CURRENCIES = ['EUR', 'USD', 'GBP', 'CNY', 'RUB', 'CHF', 'PLN'] as const

/** Today in the browser's time zone, as an ISO date. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
