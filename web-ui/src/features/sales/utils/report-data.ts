// Report rows from the API → the flat rows the charts (and their data tables) draw.
// Shapes of the report rows as the queries read them (Decimal arrives as a string).
type StageRef = { id: string; name: string; position: number }

export type FunnelInput = { stage: StageRef; reached: number; conversionToNext?: number | null }
export type FunnelDatum = { stage: string; reached: number; conversion: number | null }

/** Stages in order; conversion in percent (one decimal), null where the API has none. */
export function toFunnelData(steps: readonly FunnelInput[]): {
  data: FunnelDatum[]
  total: number
} {
  const data = [...steps]
    .sort((a, b) => a.stage.position - b.stage.position)
    .map((step) => ({
      stage: step.stage.name,
      reached: step.reached,
      conversion:
        step.conversionToNext === null || step.conversionToNext === undefined
          ? null
          : Math.round(step.conversionToNext * 1000) / 10,
    }))
  // every deal reaches the first stage (or a later one): the first step counts them all
  return { data, total: data[0]?.reached ?? 0 }
}

export type PipelineInput = {
  stage: StageRef
  owner: { id: string; name: string }
  currency: string
  count: number
  amount: string
}

export type OwnerSeries = { key: string; name: string }
export type PipelineChart = {
  currency: string
  owners: OwnerSeries[]
  /** One row per stage (in order): `stage`, `count`, and the amount per owner series key. */
  data: Array<{ stage: string; count: number } & Record<string, number | string>>
}

/** One chart per currency; stages in order across all currencies, owners stacked. */
export function toPipelineCharts(rows: readonly PipelineInput[]): PipelineChart[] {
  const stages = new Map<string, StageRef>()
  for (const row of rows) stages.set(row.stage.id, row.stage)
  const orderedStages = [...stages.values()].sort((a, b) => a.position - b.position)
  const currencies = [...new Set(rows.map((row) => row.currency))].sort()
  return currencies.map((currency) => {
    const inCurrency = rows.filter((row) => row.currency === currency)
    const owners: OwnerSeries[] = []
    const keyOf = new Map<string, string>()
    for (const row of [...inCurrency].sort((a, b) => a.owner.name.localeCompare(b.owner.name))) {
      if (!keyOf.has(row.owner.id)) {
        const key = `owner${owners.length}`
        keyOf.set(row.owner.id, key)
        owners.push({ key, name: row.owner.name })
      }
    }
    const data = orderedStages
      .filter((stage) => inCurrency.some((row) => row.stage.id === stage.id))
      .map((stage) => {
        const datum: { stage: string; count: number } & Record<string, number | string> = {
          stage: stage.name,
          count: 0,
        }
        for (const owner of owners) datum[owner.key] = 0
        for (const row of inCurrency.filter((r) => r.stage.id === stage.id)) {
          const key = keyOf.get(row.owner.id)!
          datum[key] = (datum[key] as number) + Number(row.amount)
          datum.count += row.count
        }
        return datum
      })
    return { currency, owners, data }
  })
}

export type ForecastInput = {
  month: string
  currency: string
  count: number
  amount: string
  weightedAmount: string
}
export type ForecastChart = {
  currency: string
  data: { month: string; count: number; amount: number; weightedAmount: number }[]
}

/** One chart per currency, months in order. */
export function toForecastCharts(rows: readonly ForecastInput[]): ForecastChart[] {
  const currencies = [...new Set(rows.map((row) => row.currency))].sort()
  return currencies.map((currency) => ({
    currency,
    data: rows
      .filter((row) => row.currency === currency)
      .sort((a, b) => a.month.localeCompare(b.month))
      .map((row) => ({
        month: row.month,
        count: row.count,
        amount: Number(row.amount),
        weightedAmount: Number(row.weightedAmount),
      })),
  }))
}

export type WinLossInput = {
  won: number
  lost: number
  winRate?: number | null
  lostReasons: readonly { reason?: { name: string } | null; count: number }[]
}

/** Lost reasons, most frequent first; win rate in percent (one decimal) or null. */
export function toWinLossData(
  report: WinLossInput,
  noReasonLabel: string,
): {
  won: number
  lost: number
  winRatePercent: number | null
  reasons: { reason: string; count: number }[]
} {
  return {
    won: report.won,
    lost: report.lost,
    winRatePercent:
      report.winRate === null || report.winRate === undefined
        ? null
        : Math.round(report.winRate * 1000) / 10,
    reasons: report.lostReasons
      .map((r) => ({ reason: r.reason?.name ?? noReasonLabel, count: r.count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  }
}

export type DurationInput = { stage: StageRef; stays: number; averageDays: number }

export function toStageDurationData(
  rows: readonly DurationInput[],
): { stage: string; averageDays: number; stays: number }[] {
  return [...rows]
    .sort((a, b) => a.stage.position - b.stage.position)
    .map((row) => ({
      stage: row.stage.name,
      averageDays: Math.round(row.averageDays * 10) / 10,
      stays: row.stays,
    }))
}

/** ISO calendar date (YYYY-MM-DD) of a local date. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The last `days` days up to and including today. */
export function lastDays(days: number, today: Date = new Date()): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1))
  return { from: isoDate(from), to: isoDate(today) }
}
