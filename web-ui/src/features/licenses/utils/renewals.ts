export type ExpiringLicense = {
  id: string
  endsOn?: string | null
  customer: { id: string; name: string }
}

export type EndDateGroup<L> = { endsOn: string; licenses: L[] }

/** Licenses grouped by end date, soonest first (the API's order is kept within a day). */
export function groupByEndDate<L extends ExpiringLicense>(
  licenses: readonly L[],
): EndDateGroup<L>[] {
  const groups = new Map<string, L[]>()
  for (const license of licenses) {
    const key = license.endsOn ?? ''
    groups.set(key, [...(groups.get(key) ?? []), license])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([endsOn, list]) => ({ endsOn, licenses: list }))
}

/**
 * Toggles a license in the renewal selection. A renewal order is for one customer: choosing a
 * license of another customer starts the selection afresh with it.
 */
export function toggleRenewal<L extends ExpiringLicense>(
  selected: readonly L[],
  license: L,
  checked: boolean,
): L[] {
  if (!checked) return selected.filter((l) => l.id !== license.id)
  if (selected.some((l) => l.id === license.id)) return [...selected]
  if (selected.length > 0 && selected[0]!.customer.id !== license.customer.id) return [license]
  return [...selected, license]
}

/** Days from `today` to `endsOn` (negative once ended). */
export function daysUntil(endsOn: string, today: string): number {
  const ms = Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)
  return Math.round(ms / 86_400_000)
}
