/** A person's planned hours in a month, as the API answers `plannedWork`. */
export type PlannedWorkRow = {
  month: string
  plannedHours: string
  tasks: number
  person: { id: string; name: string }
}

/** A month of the chart: its first day, and each person's hours under the person's id. */
export type ChartMonth = { month: string; [personId: string]: number | string }

/**
 * One chart entry per month (oldest first) with each person's hours under the person's id, and
 * the people in the order of their names. Hours are decimals from the API; charts need numbers.
 */
export function toPlanningChart(rows: readonly PlannedWorkRow[]): {
  months: ChartMonth[]
  people: { id: string; name: string }[]
} {
  const byMonth = new Map<string, ChartMonth>()
  const people = new Map<string, string>()
  for (const row of rows) {
    people.set(row.person.id, row.person.name)
    const entry: ChartMonth = byMonth.get(row.month) ?? { month: row.month }
    entry[row.person.id] = Number(entry[row.person.id] ?? 0) + Number(row.plannedHours)
    byMonth.set(row.month, entry)
  }
  return {
    months: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)),
    people: [...people]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }
}

/** The first day of this month and of the month five months later: half a year ahead. */
export function defaultPlanningRange(today: Date = new Date()): { from: string; to: string } {
  const iso = (date: Date) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
  const from = new Date(today.getFullYear(), today.getMonth(), 1)
  const to = new Date(today.getFullYear(), today.getMonth() + 6, 0)
  return { from: iso(from), to: iso(to) }
}

/** Whether `from`..`to` is a period the API answers: in order, at most 24 months. */
export function isPlanningRange(from: string, to: string): boolean {
  if (!from || !to || to < from) return false
  const [fy, fm] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  return (ty! - fy!) * 12 + (tm! - fm!) < 24
}
