// @svar-ui/gantt-locales and @svar-ui/core-locales ship plain JavaScript: the words of the Gantt
// chart and of the widgets it is built from (date picker, buttons), by language

declare module '@svar-ui/gantt-locales' {
  /** The chart's own words, by their English text. */
  export type GanttWords = { gantt: Record<string, string> }
  export const en: GanttWords
  export const cn: GanttWords
}

declare module '@svar-ui/core-locales' {
  /** The widgets' words, calendar and date formats of one language. */
  export type CoreWords = {
    lang: string
    core: Record<string, string>
    calendar: {
      monthFull: string[]
      monthShort: string[]
      dayFull: string[]
      dayShort: string[]
      hours: string
      minutes: string
      done: string
      clear: string
      today: string
      am: string[]
      pm: string[]
      /** 0: Sunday, 1: Monday. */
      weekStart: number
      clockFormat: 12 | 24
    }
    formats: Record<string, string>
  }
  export const en: CoreWords
  export const cn: CoreWords
}
