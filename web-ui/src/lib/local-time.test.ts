import { describe, expect, it } from 'vitest'
import { formatLocalTime, parseLocalTime, timeSteps } from './local-time'

describe('times of day in the app language', () => {
  it.each([
    ['en', '2:30 PM', '9:05 AM', '12:00 AM'],
    ['ru', '14:30', '09:05', '00:00'],
    ['zh-CN', '14:30', '09:05', '00:00'],
  ] as const)('writes them the way %s does', (locale, afternoon, morning, midnight) => {
    const squeeze = (text: string) => text.replace(/\s/g, ' ')
    expect(squeeze(formatLocalTime('14:30', locale))).toBe(afternoon)
    expect(squeeze(formatLocalTime('09:05', locale))).toBe(morning)
    expect(squeeze(formatLocalTime('00:00', locale))).toBe(midnight)
    expect(formatLocalTime('', locale)).toBe('')
  })

  it.each(['en', 'ru', 'zh-CN'])(
    'offers the day in 15-minute steps that read back (%s)',
    (locale) => {
      const steps = timeSteps(locale)
      expect(steps).toHaveLength(96)
      expect(steps[1]?.value).toBe('00:15')
      expect(steps[57]?.value).toBe('14:15')
      for (const step of steps) expect(parseLocalTime(step.label, locale)).toBe(step.value)
    },
  )

  it.each([
    ['en', '2:30 pm', '14:30'],
    ['en', '2:30PM', '14:30'],
    ['en', '12:15 am', '00:15'],
    ['en', '12 pm', '12:00'],
    ['en', '14:30', '14:30'],
    ['ru', '14.30', '14:30'],
    ['ru', '9:05', '09:05'],
    ['ru', '1430', '14:30'],
    ['zh-CN', '下午2:30', '14:30'],
    ['zh-CN', '上午 9:05', '09:05'],
    ['zh-CN', '14：30', '14:30'],
  ] as const)('reads what a user types in %s: %s', (locale, typed, time) => {
    expect(parseLocalTime(typed, locale)).toBe(time)
  })

  it.each(['24:00', '13 pm', '9:75', 'noon', '9:3', '0 am'])('refuses %s', (typed) => {
    expect(parseLocalTime(typed, 'en')).toBeNull()
  })

  it('takes blank text as no time', () => {
    expect(parseLocalTime('  ', 'ru')).toBe('')
  })
})
