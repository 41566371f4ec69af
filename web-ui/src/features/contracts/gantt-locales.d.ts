// @svar-ui/gantt-locales ships plain JavaScript: the Gantt chart's built-in words by language
declare module '@svar-ui/gantt-locales' {
  type Words = Record<string, Record<string, string>>
  export const en: Words
  export const cn: Words
}
