import type { MailMessages } from './en'

export const ru: MailMessages = {
  title: 'Почта',
  import: 'Импортировать файл .eml',
  importing: 'Импорт…',
  imported: 'Письмо «{{subject}}» импортировано.',
  alreadyImported: 'Письмо «{{subject}}» уже было импортировано; ничего не изменено.',
  importProblems: 'Письмо не импортировано:',
  search: 'Поиск по почте',
  searchHint: 'Должны встречаться все слова; "фраза", or, -слово',
  noMatches: 'Нет писем по запросу «{{query}}».',
  noSubject: '(без темы)',
  noBody: '(без текста)',
  from: 'от {{from}}',
  attachments: 'вложений: {{count}}',
  unnamedAttachment: 'вложение без имени',
  kind: 'Письмо',
  inTimeline: 'Импортированные письма показаны в хронологии вместе с взаимодействиями.',
  results: 'Найденные письма',
  moreResults_one:
    'Показано {{count}} самое новое совпадение; уточните запрос, чтобы увидеть остальные.',
  moreResults_few:
    'Показаны {{count}} самых новых совпадения; уточните запрос, чтобы увидеть остальные.',
  moreResults_many:
    'Показаны {{count}} самых новых совпадений; уточните запрос, чтобы увидеть остальные.',
  moreResults_other:
    'Показаны {{count}} самых новых совпадения; уточните запрос, чтобы увидеть остальные.',
}
