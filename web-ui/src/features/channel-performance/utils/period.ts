/** A period of the dashboard: from the first day of a month to the last day of another. */
export type Period = { from: string; to: string }

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

export type PeriodChoice = 'thisYear' | 'lastYear' | 'thisQuarter' | 'last12Months'

export const PERIOD_CHOICES: readonly PeriodChoice[] = [
  'thisYear',
  'thisQuarter',
  'last12Months',
  'lastYear',
]

/** The dates of a named period as of `today` (at most 24 months, as the API allows). */
export function periodOf(choice: PeriodChoice, today: Date = new Date()): Period {
  const year = today.getFullYear()
  const month = today.getMonth()
  switch (choice) {
    case 'thisYear':
      return { from: `${year}-01-01`, to: `${year}-12-31` }
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }
    case 'thisQuarter': {
      const first = month - (month % 3)
      return { from: iso(new Date(year, first, 1)), to: iso(new Date(year, first + 3, 0)) }
    }
    case 'last12Months':
      return { from: iso(new Date(year, month - 11, 1)), to: iso(new Date(year, month + 1, 0)) }
  }
}

/**
 * How far a rebate has come, 0–100, towards the next band (from the current band's threshold, or
 * from zero below the first); 100 at the top band.
 */
export function progressToNextBand(rebate: {
  volume: { amount: string }
  currentBand?: { threshold: { amount: string } } | null
  nextBand?: { threshold: { amount: string } } | null
}): number {
  if (!rebate.nextBand) return 100
  const start = rebate.currentBand ? Number(rebate.currentBand.threshold.amount) : 0
  const end = Number(rebate.nextBand.threshold.amount)
  const volume = Number(rebate.volume.amount)
  if (end <= start) return 100
  return Math.max(0, Math.min(100, Math.round(((volume - start) / (end - start)) * 100)))
}
