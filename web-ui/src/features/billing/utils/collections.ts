/** The age bands of an ageing row, in order. */
export const BANDS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const
export type Band = (typeof BANDS)[number]

type Amount = { amount: string; currency: string }
type BandRow = Record<Band, Amount> & { currency: string }

/** One bar per currency, stacked by band (amounts as numbers for drawing only; tables show the exact ones). */
export function ageingChartData(totals: readonly BandRow[]) {
  return totals.map((row) => ({
    currency: row.currency,
    ...Object.fromEntries(BANDS.map((band) => [band, Number(row[band].amount)])),
  })) as ({ currency: string } & Record<Band, number>)[]
}

/** The currencies that occur, alphabetically: every amount is shown in its own currency. */
export function currenciesOf(...lists: readonly (readonly { currency: string }[])[]): string[] {
  return [...new Set(lists.flatMap((list) => list.map((item) => item.currency)))].sort()
}

/**
 * Received (per currency, by month) against planned (in one currency) for each month of the
 * budget, in that currency only.
 */
export function receivedVsPlanned(
  received: readonly { month: string; amount: Amount }[],
  planned: readonly { month: string; planned: Amount }[],
  currency: string,
) {
  const months = [
    ...new Set([...received.map((r) => r.month), ...planned.map((p) => p.month)]),
  ].sort()
  return months.map((month) => ({
    month,
    received: Number(
      received.find((r) => r.month === month && r.amount.currency === currency)?.amount.amount ?? 0,
    ),
    planned: Number(planned.find((p) => p.month === month)?.planned.amount ?? 0),
  }))
}

const yearMonth = (iso: string): [number, number] => {
  const [year = 0, month = 1] = iso.split('-').map(Number)
  return [year, month]
}

/** `iso` moved by whole months, on the first of the month: ("2026-12-15", -11) → "2026-01-01". */
export function monthStart(iso: string, offset = 0): string {
  const [year, month] = yearMonth(iso)
  const index = year * 12 + (month - 1) + offset
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

/** The last day of `iso`'s month. */
export function monthEnd(iso: string): string {
  const [year, month] = yearMonth(iso)
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Whole months from `from`'s month through `to`'s, e.g. Jan–Dec = 12. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = yearMonth(from)
  const [ty, tm] = yearMonth(to)
  return ty * 12 + tm - (fy * 12 + fm) + 1
}
