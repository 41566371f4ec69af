import { sumDecimals } from '../../../lib/decimal'

type Row = {
  stage: { id: string; name: string; position: number }
  currency: string
  count: number
  amount: string
}

export type StageSummary = {
  id: string
  name: string
  count: number
  /** Exact sums per currency, in the order currencies first appear. */
  amounts: { currency: string; amount: string }[]
}

/** The pipeline report's rows (per stage, owner and currency) summed per stage, in stage order. */
export function summariseByStage(rows: readonly Row[]): StageSummary[] {
  const byStage = new Map<string, StageSummary & { position: number }>()
  for (const row of rows) {
    const stage = byStage.get(row.stage.id) ?? {
      id: row.stage.id,
      name: row.stage.name,
      position: row.stage.position,
      count: 0,
      amounts: [],
    }
    stage.count += row.count
    const sum = stage.amounts.find((a) => a.currency === row.currency)
    if (sum) sum.amount = sumDecimals([sum.amount, row.amount])
    else stage.amounts.push({ currency: row.currency, amount: row.amount })
    byStage.set(row.stage.id, stage)
  }
  return [...byStage.values()]
    .sort((a, b) => a.position - b.position)
    .map(({ position: _position, ...stage }) => stage)
}
