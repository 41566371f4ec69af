import { describe, expect, it } from 'vitest'
import {
  lastDays,
  toForecastCharts,
  toFunnelData,
  toPipelineCharts,
  toStageDurationData,
  toWinLossData,
} from './report-data'

const stage = (position: number, name = `S${position}`) => ({ id: `s${position}`, name, position })

describe('report → chart data', () => {
  it('funnel: stages in order, conversion in percent, total from the first stage', () => {
    const result = toFunnelData([
      { stage: stage(2, 'Meeting'), reached: 4, conversionToNext: 0.25 },
      { stage: stage(1, 'Info'), reached: 10, conversionToNext: 0.4 },
      { stage: stage(3, 'Won'), reached: 1, conversionToNext: null },
    ])
    expect(result).toEqual({
      total: 10,
      data: [
        { stage: 'Info', reached: 10, conversion: 40 },
        { stage: 'Meeting', reached: 4, conversion: 25 },
        { stage: 'Won', reached: 1, conversion: null },
      ],
    })
    expect(toFunnelData([])).toEqual({ data: [], total: 0 })
  })

  it('pipeline: one chart per currency, stages in order, amounts stacked by owner', () => {
    const rita = { id: 'u1', name: 'Rita' }
    const bob = { id: 'u2', name: 'Bob' }
    const charts = toPipelineCharts([
      { stage: stage(2), owner: rita, currency: 'EUR', count: 2, amount: '1000.50' },
      { stage: stage(1), owner: rita, currency: 'EUR', count: 1, amount: '200' },
      { stage: stage(1), owner: bob, currency: 'EUR', count: 3, amount: '300' },
      { stage: stage(3), owner: bob, currency: 'USD', count: 1, amount: '50' },
    ])
    expect(charts.map((c) => c.currency)).toEqual(['EUR', 'USD'])
    expect(charts[0]!.owners).toEqual([
      { key: 'owner0', name: 'Bob' },
      { key: 'owner1', name: 'Rita' },
    ])
    expect(charts[0]!.data).toEqual([
      { stage: 'S1', count: 4, owner0: 300, owner1: 200 },
      { stage: 'S2', count: 2, owner0: 0, owner1: 1000.5 },
    ])
    expect(charts[1]!.data).toEqual([{ stage: 'S3', count: 1, owner0: 50 }])
  })

  it('forecast: one chart per currency, months in order, numbers', () => {
    const charts = toForecastCharts([
      { month: '2026-08', currency: 'EUR', count: 1, amount: '10', weightedAmount: '5' },
      { month: '2026-07', currency: 'EUR', count: 2, amount: '20.5', weightedAmount: '2.05' },
      { month: '2026-07', currency: 'CNY', count: 1, amount: '99', weightedAmount: '9.9' },
    ])
    expect(charts).toEqual([
      {
        currency: 'CNY',
        data: [{ month: '2026-07', count: 1, amount: 99, weightedAmount: 9.9 }],
      },
      {
        currency: 'EUR',
        data: [
          { month: '2026-07', count: 2, amount: 20.5, weightedAmount: 2.05 },
          { month: '2026-08', count: 1, amount: 10, weightedAmount: 5 },
        ],
      },
    ])
  })

  it('win/loss: reasons by frequency, a label for no reason, win rate in percent', () => {
    expect(
      toWinLossData(
        {
          won: 2,
          lost: 4,
          winRate: 1 / 3,
          lostReasons: [
            { reason: { name: 'Price' }, count: 1 },
            { reason: null, count: 1 },
            { reason: { name: 'Competitor' }, count: 2 },
          ],
        },
        'No reason given',
      ),
    ).toEqual({
      won: 2,
      lost: 4,
      winRatePercent: 33.3,
      reasons: [
        { reason: 'Competitor', count: 2 },
        { reason: 'No reason given', count: 1 },
        { reason: 'Price', count: 1 },
      ],
    })
    expect(toWinLossData({ won: 0, lost: 0, winRate: null, lostReasons: [] }, '-')).toEqual({
      won: 0,
      lost: 0,
      winRatePercent: null,
      reasons: [],
    })
  })

  it('stage duration: stages in order, days rounded to one decimal', () => {
    expect(
      toStageDurationData([
        { stage: stage(2), stays: 3, averageDays: 4.26 },
        { stage: stage(1), stays: 5, averageDays: 1 },
      ]),
    ).toEqual([
      { stage: 'S1', averageDays: 1, stays: 5 },
      { stage: 'S2', averageDays: 4.3, stays: 3 },
    ])
  })

  it('periods: the last n days including today', () => {
    expect(lastDays(90, new Date(2026, 2, 31))).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(lastDays(1, new Date(2026, 0, 5))).toEqual({ from: '2026-01-05', to: '2026-01-05' })
  })
})
