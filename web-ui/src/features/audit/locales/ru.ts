import type { AuditMessages } from './en'

export const ru: AuditMessages = {
  nav: { audit: 'Журнал аудита' },
  page: {
    title: 'Журнал аудита',
    subtitle: 'Кто, что и когда изменил; входы, отклонённые токены и запрещённые изменения.',
    empty: 'Нет записей, подходящих под фильтр.',
    loadError: 'Не удалось загрузить журнал аудита.',
    loadMore: 'Загрузить ещё',
    loadingMore: 'Загрузка…',
  },
  filter: {
    label: 'Фильтр журнала аудита',
    record: 'Id записи',
    recordHint: 'Id из API',
    actor: 'Пользователь или клиент',
    actorHint: 'Субъект токена',
    from: 'С',
    to: 'До',
    kind: 'Вид',
    allKinds: 'Все виды',
    apply: 'Применить',
    clear: 'Сбросить',
  },
  column: {
    at: 'Когда',
    kind: 'Вид',
    who: 'Кто',
    operation: 'Операция',
    what: 'Что',
    details: 'Подробности',
  },
  kind: {
    CHANGE: 'Изменение',
    LOGIN: 'Вход',
    TOKEN_REFUSED: 'Токен отклонён',
    ACCESS_DENIED: 'Доступ запрещён',
  },
  change: { INSERT: 'Создано', UPDATE: 'Изменено', DELETE: 'Удалено' },
  row: { show: 'Показать', hide: 'Скрыть' },
  diff: {
    field: 'Поле',
    before: 'Было',
    after: 'Стало',
    redacted: 'Изменено (значение не сохраняется)',
    none: 'Поля не изменились.',
  },
}
