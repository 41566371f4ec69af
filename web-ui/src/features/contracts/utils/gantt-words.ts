import { cn as coreChinese, en as coreEnglish, type CoreWords } from '@svar-ui/core-locales'
import { cn as ganttChinese, en as ganttEnglish, type GanttWords } from '@svar-ui/gantt-locales'

/** Everything the chart says by itself, for SVAR's `<Locale words>`. */
export type ChartWords = CoreWords & GanttWords

/**
 * Russian for the chart, which SVAR does not ship (`@svar-ui/gantt-locales` has English and
 * Chinese; `@svar-ui/core-locales`' Russian spells some words with Latin letters). Every key of
 * the English words is here; a test holds them together when SVAR adds words.
 */
export const russianChartWords: ChartWords = {
  lang: 'ru-RU',
  core: {
    ok: 'ОК',
    cancel: 'Отмена',
    select: 'Выбрать',
    'No data': 'Нет данных',
    'Rows per page': 'Строк на странице',
    'Total pages': 'Всего страниц',
  },
  calendar: {
    monthFull: [
      'Январь',
      'Февраль',
      'Март',
      'Апрель',
      'Май',
      'Июнь',
      'Июль',
      'Август',
      'Сентябрь',
      'Октябрь',
      'Ноябрь',
      'Декабрь',
    ],
    monthShort: [
      'Янв',
      'Фев',
      'Мар',
      'Апр',
      'Май',
      'Июн',
      'Июл',
      'Авг',
      'Сен',
      'Окт',
      'Ноя',
      'Дек',
    ],
    dayFull: ['Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'],
    dayShort: ['Вс', 'Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'],
    hours: 'Часы',
    minutes: 'Минуты',
    done: 'Готово',
    clear: 'Очистить',
    today: 'Сегодня',
    // a 24-hour clock has no AM/PM
    am: ['', ''],
    pm: ['', ''],
    weekStart: 1,
    clockFormat: 24,
  },
  formats: {
    timeFormat: '%H:%i',
    dateFormat: '%d.%m.%Y',
    monthYearFormat: '%F %Y',
    yearFormat: '%Y',
  },
  gantt: {
    // header and side panel
    'Task name': 'Название задачи',
    'Start date': 'Дата начала',
    'Add task': 'Добавить задачу',
    Duration: 'Длительность',
    Task: 'Задача',
    Milestone: 'Веха',
    'Summary task': 'Суммарная задача',
    Resources: 'Ресурсы',
    WBS: 'ИСР',
    Hours: 'Часы',
    Save: 'Сохранить',
    Delete: 'Удалить',
    Name: 'Название',
    Description: 'Описание',
    'Select type': 'Выберите тип',
    Type: 'Тип',
    'End date': 'Дата окончания',
    Progress: 'Выполнение',
    Predecessors: 'Предшественники',
    Successors: 'Последователи',
    'Add task name': 'Введите название задачи',
    'Add description': 'Добавьте описание',
    'Select link type': 'Выберите тип связи',
    'End-to-start': 'Окончание — начало',
    'Start-to-start': 'Начало — начало',
    'End-to-end': 'Окончание — окончание',
    'Start-to-end': 'Начало — окончание',
    'No links': 'Нет связей',
    'No assignments': 'Нет назначений',
    'No segments': 'Нет сегментов',
    'Add resource': 'Добавить ресурс',
    Resource: 'Ресурс',
    General: 'Общие',
    Links: 'Связи',
    Lag: 'Задержка',
    Segments: 'Сегменты',
    Ungrouped: 'Без группы',
    Unassigned: 'Не назначено',
    // context menu and toolbar
    Add: 'Добавить',
    'Child task': 'Подзадача',
    'Task above': 'Задача выше',
    'Task below': 'Задача ниже',
    'Convert to': 'Преобразовать в',
    Edit: 'Изменить',
    Cut: 'Вырезать',
    Copy: 'Копировать',
    Paste: 'Вставить',
    Move: 'Переместить',
    Up: 'Вверх',
    Down: 'Вниз',
    Indent: 'Понизить уровень',
    Outdent: 'Повысить уровень',
    'Split task': 'Разделить задачу',
    Segment: 'Сегмент',
    'New task': 'Новая задача',
    'Move up': 'Переместить вверх',
    'Move down': 'Переместить вниз',
    Undo: 'Отменить',
    Redo: 'Повторить',
    // scale formats
    Week: 'Неделя',
    Q: 'Квартал',
  },
}

const englishChartWords: ChartWords = { ...coreEnglish, ...ganttEnglish }

const CHART_WORDS: Record<string, ChartWords> = {
  en: englishChartWords,
  ru: russianChartWords,
  'zh-CN': { ...coreChinese, ...ganttChinese },
}

/** The chart's words in the app's language; English for a language the app does not have. */
export function chartWords(language: string): ChartWords {
  return CHART_WORDS[language] ?? englishChartWords
}
