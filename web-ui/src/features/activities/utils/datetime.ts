// Times for <input type="datetime-local"> (wall-clock time in the browser's zone, no offset) and
// for the quick choices of reminders. The API takes and gives instants in UTC (ISO 8601).

const pad = (value: number) => String(value).padStart(2, '0')

/** `2026-11-23T10:15` in the browser's time zone, as a datetime-local input wants it. */
export function toLocalInput(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  )
}

/**
 * The instant of a datetime-local value (read in the browser's time zone) in UTC, e.g.
 * `2026-11-23T09:15:00.000Z`; undefined when it is empty or not a date.
 */
export function fromLocalInput(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!match) return undefined
  const [, year, month, day, hours, minutes, seconds] = match.map(Number) as number[]
  const date = new Date(year!, month! - 1, day!, hours!, minutes!, seconds || 0)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** The same wall-clock time `days` later (across a daylight-saving change too), to the minute. */
export function inDays(now: Date, days: number): Date {
  const date = new Date(now)
  date.setDate(date.getDate() + days)
  date.setSeconds(0, 0)
  return date
}

export function inHours(now: Date, hours: number): Date {
  const date = new Date(now.getTime() + hours * 3_600_000)
  date.setSeconds(0, 0)
  return date
}

/** Tomorrow at `hour`:00 in the browser's time zone. */
export function tomorrowAt(now: Date, hour: number): Date {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hour, 0, 0, 0)
  return date
}

/** Monday of next week at `hour`:00 in the browser's time zone. */
export function nextWeekAt(now: Date, hour: number): Date {
  // getDay(): 0 = Sunday … 6 = Saturday; days until the next Monday, 1..7
  const days = (8 - now.getDay()) % 7 || 7
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, hour, 0, 0, 0)
}

/** The browser's IANA time zone, e.g. `Europe/Berlin`; the API defaults to UTC without it. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}
