import { describe, expect, it } from 'vitest'
import { daysUntil, groupByEndDate, toggleRenewal } from './renewals'

const acme = { id: 'c1', name: 'Acme' }
const globex = { id: 'c2', name: 'Globex' }
const a = { id: 'l1', endsOn: '2026-12-10', customer: acme }
const b = { id: 'l2', endsOn: '2026-12-01', customer: globex }
const c = { id: 'l3', endsOn: '2026-12-10', customer: acme }

describe('renewals', () => {
  it('groups by end date, soonest first', () => {
    expect(groupByEndDate([a, b, c]).map((g) => [g.endsOn, g.licenses.map((l) => l.id)])).toEqual([
      ['2026-12-01', ['l2']],
      ['2026-12-10', ['l1', 'l3']],
    ])
  })

  it('keeps the selection to one customer', () => {
    let selected = toggleRenewal([], a, true)
    selected = toggleRenewal(selected, c, true)
    expect(selected.map((l) => l.id)).toEqual(['l1', 'l3'])
    expect(toggleRenewal(selected, b, true).map((l) => l.id)).toEqual(['l2'])
    expect(toggleRenewal(selected, a, false).map((l) => l.id)).toEqual(['l3'])
  })

  it('counts days to the end', () => {
    expect(daysUntil('2026-12-01', '2026-11-23')).toBe(8)
    expect(daysUntil('2026-11-20', '2026-11-23')).toBe(-3)
  })
})
