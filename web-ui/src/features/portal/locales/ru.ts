import type { PortalMessages } from './en'

export const ru: PortalMessages = {
  nav: { dashboard: 'Обзор', subDealers: 'Субдилеры', users: 'Наши пользователи' },
  dashboard: {
    title: 'Обзор',
    subtitle: 'Дела {{name}}: воронка, регистрации, продления и бонусы.',
  },
  pipeline: {
    title: 'Воронка',
    board: 'Открыть доску',
    empty: 'Открытых сделок нет.',
    stage: 'Этап',
    deals: 'Сделки',
    amount: 'Сумма',
  },
  renewals: {
    title: 'Продления в ближайшие {{days}} дней',
    all: 'Все продления',
    empty: 'В ближайшее время лицензии не истекают.',
    ends: 'до {{date}}',
    more: 'Остальные — в списке продлений.',
  },
  subDealers: {
    title: 'Субдилеры',
    subtitle: 'Дилеры, работающие под {{name}}: вы видите их дела наравне со своими.',
    new: 'Новый субдилер',
    none: 'Субдилеров пока нет.',
  },
  users: {
    title: 'Наши пользователи',
    subtitle: 'Сотрудники {{name}}, работающие на этом портале.',
  },
}
