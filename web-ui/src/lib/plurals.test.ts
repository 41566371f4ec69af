import { describe, expect, it } from 'vitest'
import { createI18n } from './i18n'

// Counts are worded by i18next's plural keys (`_one`, `_few`, `_many`, `_other`), chosen by
// Intl.PluralRules of the current language: Russian has three forms for whole numbers.
describe('counted words', () => {
  const counts = [1, 2, 5, 21]

  it('in English, one or other', () => {
    const i18n = createI18n('en')
    expect(counts.map((count) => i18n.t('board.columnSummary', { ns: 'sales', count }))).toEqual([
      '1 deal',
      '2 deals',
      '5 deals',
      '21 deals',
    ])
    expect(counts.map((count) => i18n.t('renewals.days', { ns: 'licenses', count }))).toEqual([
      '1 day',
      '2 days',
      '5 days',
      '21 days',
    ])
  })

  it('in Russian, one, few or many', () => {
    const i18n = createI18n('ru')
    expect(counts.map((count) => i18n.t('board.columnSummary', { ns: 'sales', count }))).toEqual([
      '1 сделка',
      '2 сделки',
      '5 сделок',
      '21 сделка',
    ])
    expect(counts.map((count) => i18n.t('renewals.days', { ns: 'licenses', count }))).toEqual([
      '1 день',
      '2 дня',
      '5 дней',
      '21 день',
    ])
  })

  it('in Chinese, one form', () => {
    const i18n = createI18n('zh-CN')
    expect(i18n.t('board.columnSummary', { ns: 'sales', count: 1 })).toBe('1 个商机')
    expect(i18n.t('board.columnSummary', { ns: 'sales', count: 21 })).toBe('21 个商机')
  })
})
