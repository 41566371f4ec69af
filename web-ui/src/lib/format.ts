/** Date and time in the user's language, e.g. "23 Nov 2026, 10:15" or "2026年11月23日 10:15". */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date)
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value)
}

/**
 * A percent the API sends as a `Decimal` from 0 to 100 (e.g. "2.00"), as the language writes it:
 * "2%" (en), "2 %" (ru), "2%" (zh-CN), with up to its two decimals ("2.5%").
 */
export function formatPercent(percent: string | number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    Number(percent) / 100,
  )
}
