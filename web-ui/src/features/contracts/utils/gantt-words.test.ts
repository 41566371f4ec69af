import { en as coreEnglish } from '@svar-ui/core-locales'
import { en as ganttEnglish } from '@svar-ui/gantt-locales'
import { describe, expect, it } from 'vitest'
import { chartWords, russianChartWords } from './gantt-words'

/** Every key path of a words object, with the length of each list: its shape, not its words. */
function shape(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return [`${path}[${value.length}]`]
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .flatMap(([key, inner]) => shape(inner, path ? `${path}.${key}` : key))
      .sort()
  }
  return [path]
}

/** The words a person reads: not the date formats or the language tag. */
function readable(words: typeof russianChartWords): string[] {
  const { core, calendar, gantt } = words
  return [...Object.values(core), ...Object.values(gantt), ...Object.values(calendar)]
    .flat()
    .filter((word): word is string => typeof word === 'string')
}

describe("the Gantt chart's Russian words", () => {
  it('have every key of the English ones, chart and widgets alike', () => {
    expect(shape(russianChartWords)).toEqual(shape({ ...coreEnglish, ...ganttEnglish }))
  })

  it('are written in Cyrillic, without Latin look-alikes', () => {
    const latin = readable(russianChartWords).filter((word) => /[A-Za-z]/.test(word))
    expect(latin).toEqual([])
    expect(russianChartWords.gantt['Start date']).toBe('Дата начала')
    expect(russianChartWords.calendar.monthFull[4]).toBe('Май')
  })

  it('follow the app language, with English for one the app does not have', () => {
    expect(chartWords('ru')).toBe(russianChartWords)
    expect(chartWords('zh-CN').gantt['Task name']).toBe('任务名称')
    expect(chartWords('zh-CN').core.cancel).toBe('取消')
    expect(chartWords('en').gantt['Task name']).toBe('Task name')
    expect(chartWords('fr').core.cancel).toBe('Cancel')
  })
})
