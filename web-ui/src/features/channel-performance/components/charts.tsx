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

// each series also has its name in the legend, and the table below the charts the exact figures
const PALETTE = ['#1d4ed8', '#16a34a', '#b42318', '#9333ea', '#ca8a04', '#0891b2']
const NO_ANIMATION = { isAnimationActive: false } as const

export type Series = { key: string; name: string }

/** Bars by category (a partner, a region, a product), one bar per series side by side. */
export function Bars({
  data,
  categoryKey,
  series,
  label,
  formatValue,
}: {
  data: readonly Record<string, string | number>[]
  categoryKey: string
  series: readonly Series[]
  label: string
  formatValue: (value: number) => string
}) {
  return (
    <figure className="chart-box" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} margin={{ left: 20, right: 20 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={categoryKey} interval={0} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={formatValue} width={90} />
          <Tooltip formatter={(value) => formatValue(Number(value))} />
          {series.length > 1 ? <Legend /> : null}
          {series.map((s, index) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={PALETTE[index % PALETTE.length]}
              {...NO_ANIMATION}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  )
}
