// Calendar dates as the user's language writes them, e.g. 12/31/2026 (en), 31.12.2026 (ru),
// 2026/12/31 (zh-CN). The app stores and sends them as ISO `YYYY-MM-DD`.

export type DatePart = 'day' | 'month' | 'year'

export type DateLayout = {
  /** The order the language writes day, month and year in. */
  order: readonly DatePart[]
  /** What goes between them, e.g. '/' or '.'. */
  separator: string
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function dateLayout(locale: string): DateLayout {
  const parts = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2026, 11, 31)))
  const order = parts
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year')
  const separator = parts.find((part) => part.type === 'literal')?.value ?? '/'
  return { order, separator }
}

/** `2026-12-31` as the language writes it with two-digit day and month, or '' for ''. */
export function formatLocalDate(iso: string, locale: string): string {
  const match = ISO_DATE.exec(iso)
  if (!match) return iso
  const [, year = '', month = '', day = ''] = match
  const { order, separator } = dateLayout(locale)
  const byPart: Record<DatePart, string> = { year, month, day }
  return order.map((part) => byPart[part]).join(separator)
}

/**
 * The ISO date the user typed, in the language's order or as ISO `YYYY-MM-DD` (what a pasted
 * value or an automated test types); '' for blank text; null if it is no real date.
 */
export function parseLocalDate(text: string, locale: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  const groups = trimmed.split(/[^0-9]+/).filter(Boolean)
  if (groups.length !== 3 || !/^\d+(?:\D+\d+){2}$/.test(trimmed)) return null
  // a leading four-digit group can only be a year: read it as ISO whatever the language
  const order: readonly DatePart[] =
    groups[0]?.length === 4 ? ['year', 'month', 'day'] : dateLayout(locale).order
  const byPart = Object.fromEntries(order.map((part, i) => [part, groups[i] ?? ''])) as Record<
    DatePart,
    string
  >
  if (byPart.year.length !== 4 || byPart.month.length > 2 || byPart.day.length > 2) return null
  const year = Number(byPart.year)
  const month = Number(byPart.month)
  const day = Number(byPart.day)
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null
  return `${byPart.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The calendar day of `iso` as a local Date, the way a date picker counts days. */
export function dateOfIso(iso: string): Date | undefined {
  const match = ISO_DATE.exec(iso)
  if (!match) return undefined
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

export function isoOfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
