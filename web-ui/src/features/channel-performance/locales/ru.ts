import type { PerformanceMessages } from './en'

export const ru: PerformanceMessages = {
  nav: { performance: 'Результаты партнёров' },
  page: {
    title: 'Результаты партнёров',
    subtitle: 'Продажи, регистрации сделок и бонусы по партнёрам.',
    period: 'Период',
    currency: 'Валюта',
    currencyNote:
      'Суммы в {{currency}}; сделки в других валютах не учитываются и не пересчитываются.',
    empty: 'За этот период в этой валюте нет продаж и регистраций партнёров.',
  },
  period: {
    thisYear: 'Этот год',
    thisQuarter: 'Этот квартал',
    last12Months: 'Последние 12 месяцев',
    lastYear: 'Прошлый год',
  },
  total: {
    sales: 'Продажи',
    orders: 'Заказы',
    submitted: 'Подано',
    approved: 'Одобрено',
    rejected: 'Отклонено',
    converted: 'Выиграно',
  },
  chart: {
    byPartner: 'Продажи по партнёрам',
    byRegion: 'Продажи по регионам',
    byProduct: 'Продажи по продуктам',
    registrations: 'Регистрации по статусам',
    noRegion: 'Без региона',
  },
  rebate: {
    title: 'Бонусы в этом году',
    noAgreement: 'Соглашения со ступенями бонуса пока нет.',
    none: 'Ни у одного партнёра нет соглашения со ступенями бонуса в этой валюте.',
    progressLabel: 'Продвижение {{name}} к следующей ступени бонуса',
    volume: 'Объём {{volume}}',
    band: 'Достигнута ступень {{percent}}, начислено {{accrued}}',
    belowFirst: 'Ниже первой ступени',
    needed: 'До ступени {{percent}} не хватает {{needed}}',
    top: 'Достигнута высшая ступень',
  },
  table: { title: 'Показатели по партнёрам', partner: 'Партнёр', accrued: 'Начисленный бонус' },
}
