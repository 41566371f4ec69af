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

// the dashboard's colours; each series also has its name in the legend and the table beside it
const PALETTE = ['#16a34a', '#ca8a04', '#ea580c', '#db2777', '#b42318', '#1d4ed8', '#9333ea']
const NO_ANIMATION = { isAnimationActive: false } as const

export type Series = { key: string; name: string; stack?: string }

/**
 * Bars by category (a currency, a month), series stacked where they share `stack`. Drawn from
 * numbers; the tables next to each chart carry the exact amounts.
 */
export function StackedBars({
  data,
  categoryKey,
  series,
  label,
  formatCategory,
  formatValue,
}: {
  data: readonly Record<string, string | number>[]
  categoryKey: string
  series: readonly Series[]
  label: string
  formatCategory?: (value: string) => string
  formatValue: (value: number) => string
}) {
  return (
    <figure className="chart-box" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} margin={{ left: 20, right: 20 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={categoryKey} tickFormatter={formatCategory} />
          <YAxis tickFormatter={formatValue} width={90} />
          <Tooltip
            formatter={(value) => formatValue(Number(value))}
            labelFormatter={(value) => (formatCategory ? formatCategory(String(value)) : value)}
          />
          <Legend />
          {series.map((s, index) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stackId={s.stack}
              fill={PALETTE[index % PALETTE.length]}
              {...NO_ANIMATION}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  )
}
