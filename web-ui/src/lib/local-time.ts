// Times of day as the user's language writes them, e.g. 2:30 PM (en), 14:30 (ru, zh-CN). The app
// keeps them as `HH:mm` (24 hours), the time part of a datetime-local value.

const HH_MM = /^(\d{2}):(\d{2})$/

const pad = (value: number) => String(value).padStart(2, '0')

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string): Intl.DateTimeFormat {
  let format = formatters.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' })
    formatters.set(locale, format)
  }
  return format
}

/** Every minute of the day by its label in the language, squeezed: read on every keystroke. */
const minutesByLabel = new Map<string, Map<string, string>>()

function minuteOfLabel(label: string, locale: string): string | undefined {
  let minutes = minutesByLabel.get(locale)
  if (!minutes) {
    minutes = new Map(timeSteps(locale, 1).map((step) => [squeeze(step.label), step.value]))
    minutesByLabel.set(locale, minutes)
  }
  return minutes.get(label)
}

function instantOf(hours: number, minutes: number): Date {
  return new Date(Date.UTC(2026, 0, 1, hours, minutes))
}

/** `14:30` as the language writes it (`2:30 PM`, `14:30`); '' for '', other text unchanged. */
export function formatLocalTime(time: string, locale: string): string {
  const match = HH_MM.exec(time)
  if (!match) return time
  return formatter(locale).format(instantOf(Number(match[1]), Number(match[2])))
}

/** The times of a day in steps of `minutes`, as `HH:mm` with the language's label. */
export function timeSteps(locale: string, minutes = 15): { value: string; label: string }[] {
  const format = formatter(locale)
  const steps: { value: string; label: string }[] = []
  for (let at = 0; at < 24 * 60; at += minutes) {
    const [hours, minute] = [Math.floor(at / 60), at % 60]
    steps.push({
      value: `${pad(hours)}:${pad(minute)}`,
      label: format.format(instantOf(hours, minute)),
    })
  }
  return steps
}

const squeeze = (text: string) => text.replace(/\s+/g, '').toLowerCase()

/** The language's words for before and after noon (AM/PM, 上午/下午), and the English ones. */
function dayPeriods(locale: string): { am: string[]; pm: string[] } {
  const twelveHours = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    hour12: true,
    timeZone: 'UTC',
  })
  const period = (hours: number) =>
    squeeze(
      twelveHours.formatToParts(instantOf(hours, 0)).find((part) => part.type === 'dayPeriod')
        ?.value ?? '',
    )
  return {
    am: [period(1), 'am', 'a'].filter(Boolean),
    pm: [period(13), 'pm', 'p'].filter(Boolean),
  }
}

/**
 * The `HH:mm` the user typed or picked: the language's way (`2:30 PM`, `下午2:30`), 24 hours
 * (`14:30`, `14.30`, `1430`) or with am/pm; '' for blank text; null if it is no time of day.
 */
export function parseLocalTime(text: string, locale: string): string | null {
  const typed = squeeze(text)
  if (typed === '') return ''
  const picked = minuteOfLabel(typed, locale)
  if (picked) return picked
  const { am, pm } = dayPeriods(locale)
  let rest = typed
  let period: 'am' | 'pm' | null = null
  for (const [kind, words] of [
    ['am', am],
    ['pm', pm],
  ] as const) {
    // longest words first, so that "pm" is not read as "p" followed by "m"
    for (const word of [...words].sort((a, b) => b.length - a.length)) {
      if (period) break
      if (rest.endsWith(word)) {
        rest = rest.slice(0, -word.length)
        period = kind
      } else if (rest.startsWith(word)) {
        rest = rest.slice(word.length)
        period = kind
      }
    }
  }
  const match = /^(\d{1,2})(?:[:.：h]?(\d{2}))?$/.exec(rest)
  if (!match) return null
  let hours = Number(match[1])
  const minutes = Number(match[2] ?? '0')
  if (minutes > 59) return null
  if (period) {
    if (hours < 1 || hours > 12) return null
    hours = (hours % 12) + (period === 'pm' ? 12 : 0)
  } else if (hours > 23) {
    return null
  }
  return `${pad(hours)}:${pad(minutes)}`
}
