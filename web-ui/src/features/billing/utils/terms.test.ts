import { describe, expect, it } from 'vitest'
import { presetRows, rowsToTerms, splitPercent, termErrors, type TermsTarget } from './terms'

const contract: TermsTarget = {
  kind: 'contract',
  stages: [{ id: 's1' }, { id: 's2' }, { id: 's3' }],
}

describe('presets', () => {
  it('30/40/30 on signing, acceptance of the first stage and completion', () => {
    const terms = rowsToTerms(presetRows('thirds', contract, { from: '2027-01-01' }))
    expect(terms).toEqual([
      {
        kind: 'PART',
        percent: '30',
        trigger: { event: 'CONTRACT_SIGNED', stageId: null, offsetDays: 0 },
      },
      {
        kind: 'PART',
        percent: '40',
        trigger: { event: 'STAGE_ACCEPTED', stageId: 's1', offsetDays: 0 },
      },
      { kind: 'REST', trigger: { event: 'CONTRACT_COMPLETED', stageId: null, offsetDays: 0 } },
    ])
  })

  it('N monthly instalments from a date', () => {
    const terms = rowsToTerms(
      presetRows('monthly', { kind: 'order' }, { from: '2027-02-01', instalments: 6 }),
    )
    expect(terms).toEqual([
      { kind: 'INSTALMENTS', dueOn: '2027-02-01', instalments: 6, intervalMonths: 1 },
    ])
  })

  it('a deposit and a share per stage, the last stage taking the rest', () => {
    const rows = presetRows('depositMilestones', contract, { from: '2027-01-01' })
    expect(rows.map((r) => [r.kind, r.value, r.event, r.stageId])).toEqual([
      ['PART', '20', 'CONTRACT_SIGNED', ''],
      ['PART', '26.6666', 'STAGE_ACCEPTED', 's1'],
      ['PART', '26.6666', 'STAGE_ACCEPTED', 's2'],
      ['REST', '', 'STAGE_ACCEPTED', 's3'],
    ])
  })

  it('for an order: a deposit on a date and the rest on shipment', () => {
    const terms = rowsToTerms(
      presetRows('depositMilestones', { kind: 'order' }, { from: '2027-03-01' }),
    )
    expect(terms).toEqual([
      { kind: 'PART', percent: '30', dueOn: '2027-03-01' },
      { kind: 'REST', trigger: { event: 'SHIPMENT_SENT', stageId: null, offsetDays: 0 } },
    ])
  })

  it('splits a percentage into shares of at most four decimals that add up exactly', () => {
    expect(splitPercent(100, 3)).toEqual(['33.3333', '33.3333', '33.3334'])
    expect(splitPercent(80, 4)).toEqual(['20', '20', '20', '20'])
  })
})

describe('the server’s errors on the rows', () => {
  it('puts each error on its row and field, and the rest above the form', () => {
    const errors = [
      { field: ['input', 'terms', '1', 'percent'], code: 'INVALID_VALUE' as const, message: 'p' },
      {
        field: ['input', 'terms', '2', 'trigger', 'stageId'],
        code: 'NOT_FOUND' as const,
        message: 's',
      },
      { field: ['input', 'terms', '0'], code: 'INVALID_VALUE' as const, message: 'row' },
      { field: ['input', 'terms'], code: 'INVALID_VALUE' as const, message: 'sum' },
      { field: ['input', 'total'], code: 'INVALID_VALUE' as const, message: 'total' },
      { field: null, code: 'CONFLICT' as const, message: 'plan exists' },
    ]
    const mapped = termErrors(errors, 3)
    expect(mapped.byRow[1]?.percent?.map((e) => e.message)).toEqual(['p'])
    expect(mapped.byRow[2]?.trigger?.map((e) => e.message)).toEqual(['s'])
    expect(mapped.byRow[0]?.row?.map((e) => e.message)).toEqual(['row'])
    expect(mapped.total.map((e) => e.message)).toEqual(['total'])
    expect(mapped.general.map((e) => e.message)).toEqual(['plan exists', 'sum'])
  })
})
