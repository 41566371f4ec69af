/** A JSON value as text: strings as they are, anything else as compact JSON; null as a dash. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}
