import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

// each series also has its name in the legend, and the tables beside the charts the exact figures
const DEFAULT_PALETTE = [
  '#16a34a',
  '#ca8a04',
  '#ea580c',
  '#db2777',
  '#b42318',
  '#1d4ed8',
  '#9333ea',
]
const NO_ANIMATION = { isAnimationActive: false } as const

export type Series = { key: string; name: string; stack?: string }

/**
 * Bars by category (a month, a currency, a partner), every category labelled, series side by
 * side or stacked where they share `stack`. Drawn from numbers: the tables next to each chart
 * carry the exact amounts.
 */
export function Bars({
  data,
  categoryKey,
  series,
  label,
  formatCategory,
  formatValue,
  palette = DEFAULT_PALETTE,
}: {
  data: readonly Record<string, string | number>[]
  categoryKey: string
  series: readonly Series[]
  label: string
  formatCategory?: (value: string) => string
  formatValue: (value: number) => string
  palette?: readonly string[]
}) {
  return (
    <figure className="chart-box" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} margin={{ left: 20, right: 20 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey={categoryKey}
            interval={0}
            tick={{ fontSize: 12 }}
            tickFormatter={formatCategory}
          />
          <YAxis tickFormatter={formatValue} width={120} />
          <Tooltip
            formatter={(value) => formatValue(Number(value))}
            labelFormatter={(value) => (formatCategory ? formatCategory(String(value)) : value)}
          />
          {series.length > 1 ? <Legend /> : null}
          {series.map((s, index) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stackId={s.stack}
              fill={palette[index % palette.length]}
              {...NO_ANIMATION}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  )
}
