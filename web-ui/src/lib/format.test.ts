import { describe, expect, it } from 'vitest'
import { formatPercent } from './format'

describe('formatPercent', () => {
  it('writes the API’s 0–100 decimal as each language writes a percent', () => {
    expect(formatPercent('2.00', 'en')).toBe('2%')
    expect(formatPercent('2.00', 'ru')).toBe('2\u00a0%')
    expect(formatPercent('2.00', 'zh-CN')).toBe('2%')
    expect(formatPercent('2.50', 'en')).toBe('2.5%')
    expect(formatPercent('2.25', 'ru')).toBe('2,25\u00a0%')
    expect(formatPercent('100', 'zh-CN')).toBe('100%')
  })
})
