/** A statement's period: both days inclusive, ISO dates. */
export type Period = { from: string; to: string }

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

/** The calendar quarter `today` is in: the statement a partner settles. */
export function thisQuarter(today: Date = new Date()): Period {
  const year = today.getFullYear()
  const first = today.getMonth() - (today.getMonth() % 3)
  return { from: iso(new Date(year, first, 1)), to: iso(new Date(year, first + 3, 0)) }
}

/**
 * The finished calendar years an agreement ran in, latest first: the years its rebate may be
 * credited for (the API refuses a year not over yet or outside the agreement).
 */
export function finishedYears(
  agreement: { startsOn: string; endsOn?: string | null },
  today: Date = new Date(),
): number[] {
  const first = Number(agreement.startsOn.slice(0, 4))
  const lastFinished = today.getFullYear() - 1
  const last = agreement.endsOn
    ? Math.min(Number(agreement.endsOn.slice(0, 4)), lastFinished)
    : lastFinished
  const years: number[] = []
  for (let year = last; year >= first; year--) years.push(year)
  return years
}
