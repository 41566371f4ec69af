import { useId, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Cell,
  LabelList,
  ResponsiveContainer,
  Text,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { useQuery, type CombinedError } from 'urql'
import { DateField } from '../../../components/date-field'
import { SelectField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { formatDate, formatNumber } from '../../../lib/format'
import {
  lastDays,
  toForecastCharts,
  toFunnelData,
  toPipelineCharts,
  toStageDurationData,
  toWinLossData,
} from '../utils/report-data'
import { CampaignReportQuery } from '../api/campaigns'
import { toCampaignReturnData } from '../utils/campaign-data'
import { formatMoney } from '../utils/money'
import {
  ForecastReportQuery,
  FunnelReportQuery,
  PipelineReportQuery,
  StageDurationReportQuery,
  WinLossReportQuery,
} from '../api/reports'
import '../sales.css'

const PALETTE = ['#1d4ed8', '#16a34a', '#ea580c', '#9333ea', '#0891b2', '#ca8a04', '#db2777']
const PRESETS = ['30', '90', '180', '365'] as const
type Preset = (typeof PRESETS)[number] | 'custom'
const CHART_HEIGHT = 280
// Charts draw once: an animation only delays what the user (and a test) came to see.
const NO_ANIMATION = { isAnimationActive: false } as const

/** Room for the names on a category axis (stages, reasons, campaigns) left of horizontal bars. */
const CATEGORY_WIDTH = 150

/**
 * A name on a category axis: wrapped to two lines within the axis, cut with "…" beyond that, the
 * whole name in a tooltip (`<title>`), so long stage names never run into each other or the bars.
 */
function CategoryTick({
  x,
  y,
  payload,
}: {
  x?: number | string
  y?: number | string
  payload?: { value?: unknown }
}) {
  const name = String(payload?.value ?? '')
  return (
    <g>
      <title>{name}</title>
      <Text
        x={Number(x)}
        y={Number(y)}
        width={CATEGORY_WIDTH - 12}
        maxLines={2}
        breakAll={/[\u3000-\u9fff]/.test(name)}
        textAnchor="end"
        verticalAnchor="middle"
        fontSize={12}
        fill="#3d4654"
      >
        {name}
      </Text>
    </g>
  )
}

const categoryAxis = (dataKey: string) => (
  <YAxis
    type="category"
    dataKey={dataKey}
    width={CATEGORY_WIDTH}
    interval={0}
    tick={(props: object) => <CategoryTick {...props} />}
  />
)

/** /dashboard: funnel, pipeline, forecast, win/loss and time in stage, in the caller's scope. */
export function SalesDashboard() {
  const { t } = useTranslation('sales')
  const [preset, setPreset] = useState<Preset>('90')
  const [period, setPeriod] = useState(() => lastDays(90))

  return (
    <section className="page" aria-labelledby="dashboard-title">
      <header className="page-header">
        <div>
          <h1 id="dashboard-title">{t('dashboard.title')}</h1>
          <p className="page-subtitle">{t('dashboard.scopeNote')}</p>
        </div>
      </header>
      <fieldset className="dashboard-controls card">
        <legend>{t('dashboard.period')}</legend>
        <SelectField
          label={t('dashboard.period')}
          value={preset}
          onChange={(value) => {
            const next = (value || '90') as Preset
            setPreset(next)
            if (next !== 'custom') setPeriod(lastDays(Number(next)))
          }}
          options={[...PRESETS, 'custom' as const].map((p) => ({
            value: p,
            label: t(`dashboard.preset.${p}`),
          }))}
        />
        <DateField
          label={t('dashboard.from')}
          value={period.from}
          max={period.to}
          onChange={(from) => {
            if (!from) return
            setPreset('custom')
            setPeriod((p) => ({ ...p, from }))
          }}
        />
        <DateField
          label={t('dashboard.to')}
          value={period.to}
          min={period.from}
          onChange={(to) => {
            if (!to) return
            setPreset('custom')
            setPeriod((p) => ({ ...p, to }))
          }}
        />
      </fieldset>
      <div className="dashboard-grid">
        <FunnelCard from={period.from} to={period.to} />
        <WinLossCard from={period.from} to={period.to} />
        <PipelineCard />
        <ForecastCard />
        <StageDurationCard />
        <CampaignReturnCard />
      </div>
    </section>
  )
}

function ChartCard({
  title,
  subtitle,
  fetching,
  error,
  empty,
  emptyText,
  children,
}: {
  title: string
  subtitle?: string
  fetching: boolean
  error: CombinedError | undefined
  empty: boolean
  /** Why there is nothing to draw, e.g. "No deals were created between … and …". */
  emptyText: string
  children: ReactNode
}) {
  const { t } = useTranslation('sales')
  const id = useId()
  return (
    <section className="card chart-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {subtitle ? <p className="chart-subtitle">{subtitle}</p> : null}
      {error ? (
        <QueryError error={error} title={t('dashboard.loadError')} />
      ) : fetching && empty ? (
        <Loading />
      ) : empty ? (
        <p className="muted chart-empty">{emptyText}</p>
      ) : (
        children
      )}
    </section>
  )
}

function DataTable({
  columns,
  rows,
}: {
  columns: { label: string; numeric?: boolean }[]
  rows: ReactNode[][]
}) {
  const { t } = useTranslation('sales')
  return (
    <details>
      <summary>{t('dashboard.table')}</summary>
      <table className="chart-table">
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.numeric ? 'number' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className={columns[c]?.numeric ? 'number' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

function FunnelCard({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation('sales')
  const [result] = useQuery({ query: FunnelReportQuery, variables: { from, to } })
  const { data, total } = useMemo(
    () => toFunnelData(result.data?.funnelReport ?? []),
    [result.data],
  )
  return (
    <ChartCard
      title={t('dashboard.funnel.title')}
      subtitle={t('dashboard.funnel.subtitle')}
      fetching={result.fetching}
      error={result.error}
      empty={total === 0}
      emptyText={t('dashboard.empty.funnel', {
        from: formatDate(from, i18n.language),
        to: formatDate(to, i18n.language),
      })}
    >
      <p className="chart-total" data-testid="funnel-total">
        {t('dashboard.funnel.total', { count: total })}
      </p>
      <div className="chart" data-testid="funnel-chart">
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={data} layout="vertical" margin={{ left: 20, right: 40 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            {categoryAxis('stage')}
            <Tooltip />
            <Bar
              dataKey="reached"
              name={t('dashboard.funnel.reached')}
              fill={PALETTE[0]}
              {...NO_ANIMATION}
            >
              <LabelList dataKey="reached" position="right" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        columns={[
          { label: t('field.stage') },
          { label: t('dashboard.funnel.reached'), numeric: true },
          { label: t('dashboard.funnel.conversion'), numeric: true },
        ]}
        rows={data.map((d) => [
          d.stage,
          formatNumber(d.reached, i18n.language),
          d.conversion === null ? '—' : `${formatNumber(d.conversion, i18n.language)} %`,
        ])}
      />
    </ChartCard>
  )
}

function WinLossCard({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation('sales')
  const [result] = useQuery({ query: WinLossReportQuery, variables: { from, to } })
  const report = result.data?.winLossReport
  const data = report ? toWinLossData(report, t('dashboard.winLoss.noReason')) : undefined
  return (
    <ChartCard
      title={t('dashboard.winLoss.title')}
      fetching={result.fetching}
      error={result.error}
      empty={!data || data.won + data.lost === 0}
      emptyText={t('dashboard.empty.winLoss', {
        from: formatDate(from, i18n.language),
        to: formatDate(to, i18n.language),
      })}
    >
      {data ? (
        <>
          <p className="chart-total">
            {data.winRatePercent === null
              ? t('dashboard.winLoss.noWinRate')
              : t('dashboard.winLoss.winRate', {
                  rate: `${formatNumber(data.winRatePercent, i18n.language)} %`,
                })}
          </p>
          <p className="chart-subtitle">
            {t('dashboard.winLoss.counts', { won: data.won, lost: data.lost })}
          </p>
          <h3 className="chart-subtitle">{t('dashboard.winLoss.reasons')}</h3>
          {data.reasons.length === 0 ? (
            <p className="muted chart-empty">{t('dashboard.empty.lostReasons')}</p>
          ) : (
            <>
              <ResponsiveContainer width="100%" height={CHART_HEIGHT - 60}>
                <BarChart data={data.reasons} layout="vertical" margin={{ left: 20, right: 40 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} />
                  {categoryAxis('reason')}
                  <Tooltip />
                  <Bar dataKey="count" name={t('dashboard.winLoss.count')} {...NO_ANIMATION}>
                    {data.reasons.map((r, index) => (
                      <Cell key={r.reason} fill={PALETTE[(index + 2) % PALETTE.length]} />
                    ))}
                    <LabelList dataKey="count" position="right" />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
              <DataTable
                columns={[
                  { label: t('field.lostReason') },
                  { label: t('dashboard.winLoss.count'), numeric: true },
                ]}
                rows={data.reasons.map((r) => [r.reason, formatNumber(r.count, i18n.language)])}
              />
            </>
          )}
        </>
      ) : null}
    </ChartCard>
  )
}

/** One currency's amounts as vertical bars (by stage, by month ...), with the same figures as a table. */
function MoneyBarFigure({
  caption,
  data,
  category,
  horizontal = false,
  bars,
  formatAmount,
  table,
}: {
  caption: string
  data: readonly object[]
  /** The field that names each bar (stage, month …). */
  category: string
  /** Bars from the left, names on the vertical axis: for long names such as stages. */
  horizontal?: boolean
  bars: ReactNode[]
  formatAmount: (amount: number) => string
  table: ReactNode
}) {
  const { i18n } = useTranslation('sales')
  const amountTick = (v: number) => formatNumber(v, i18n.language)
  return (
    <figure className="chart">
      <figcaption className="chart-subtitle">{caption}</figcaption>
      <ResponsiveContainer
        width="100%"
        height={horizontal ? Math.max(CHART_HEIGHT, data.length * 34 + 70) : CHART_HEIGHT}
      >
        <BarChart
          data={data as object[]}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={{ left: horizontal ? 0 : 20, right: 20 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
          {horizontal ? (
            <XAxis type="number" tickFormatter={amountTick} />
          ) : (
            <XAxis dataKey={category} />
          )}
          {horizontal ? categoryAxis(category) : <YAxis tickFormatter={amountTick} width={80} />}
          <Tooltip formatter={(v) => formatAmount(Number(v))} />
          <Legend />
          {bars}
        </BarChart>
      </ResponsiveContainer>
      {table}
    </figure>
  )
}

function PipelineCard() {
  const { t, i18n } = useTranslation('sales')
  const [result] = useQuery({ query: PipelineReportQuery })
  const charts = useMemo(() => toPipelineCharts(result.data?.pipelineReport ?? []), [result.data])
  const money = (amount: number, currency: string) =>
    formatMoney({ amount: String(amount), currency }, i18n.language)
  return (
    <ChartCard
      title={t('dashboard.pipeline.title')}
      fetching={result.fetching}
      error={result.error}
      empty={charts.length === 0}
      emptyText={t('dashboard.empty.pipeline')}
    >
      {charts.map((chart) => (
        <MoneyBarFigure
          key={chart.currency}
          caption={t('dashboard.pipeline.subtitle', { currency: chart.currency })}
          data={chart.data}
          category="stage"
          horizontal
          formatAmount={(v) => money(v, chart.currency)}
          bars={chart.owners.map((owner, index) => (
            <Bar
              key={owner.key}
              dataKey={owner.key}
              name={owner.name}
              stackId="owners"
              fill={PALETTE[index % PALETTE.length]}
              {...NO_ANIMATION}
            />
          ))}
          table={
            <DataTable
              columns={[
                { label: t('field.stage') },
                { label: t('dashboard.pipeline.deals'), numeric: true },
                ...chart.owners.map((o) => ({ label: o.name, numeric: true })),
              ]}
              rows={chart.data.map((d) => [
                d.stage,
                formatNumber(d.count, i18n.language),
                ...chart.owners.map((o) => money(Number(d[o.key] ?? 0), chart.currency)),
              ])}
            />
          }
        />
      ))}
    </ChartCard>
  )
}

function ForecastCard() {
  const { t, i18n } = useTranslation('sales')
  const [result] = useQuery({ query: ForecastReportQuery, variables: { months: 6 } })
  const charts = useMemo(() => toForecastCharts(result.data?.forecastReport ?? []), [result.data])
  const money = (amount: number, currency: string) =>
    formatMoney({ amount: String(amount), currency }, i18n.language)
  return (
    <ChartCard
      title={t('dashboard.forecast.title')}
      fetching={result.fetching}
      error={result.error}
      empty={charts.length === 0}
      emptyText={t('dashboard.empty.forecast')}
    >
      {charts.map((chart) => (
        <MoneyBarFigure
          key={chart.currency}
          caption={t('dashboard.forecast.subtitle', { currency: chart.currency })}
          data={chart.data}
          category="month"
          formatAmount={(v) => money(v, chart.currency)}
          bars={[
            <Bar
              key="amount"
              dataKey="amount"
              name={t('field.amount')}
              fill={PALETTE[0]}
              {...NO_ANIMATION}
            />,
            <Bar
              key="weightedAmount"
              dataKey="weightedAmount"
              name={t('field.weightedAmount')}
              fill={PALETTE[1]}
              {...NO_ANIMATION}
            />,
          ]}
          table={
            <DataTable
              columns={[
                { label: t('dashboard.forecast.month') },
                { label: t('dashboard.forecast.deals'), numeric: true },
                { label: t('field.amount'), numeric: true },
                { label: t('field.weightedAmount'), numeric: true },
              ]}
              rows={chart.data.map((d) => [
                d.month,
                formatNumber(d.count, i18n.language),
                money(d.amount, chart.currency),
                money(d.weightedAmount, chart.currency),
              ])}
            />
          }
        />
      ))}
    </ChartCard>
  )
}

function StageDurationCard() {
  const { t, i18n } = useTranslation('sales')
  const [result] = useQuery({ query: StageDurationReportQuery })
  const data = useMemo(
    () => toStageDurationData(result.data?.stageDurationReport ?? []),
    [result.data],
  )
  return (
    <ChartCard
      title={t('dashboard.duration.title')}
      fetching={result.fetching}
      error={result.error}
      empty={data.length === 0}
      emptyText={t('dashboard.empty.duration')}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={data} layout="vertical" margin={{ left: 20, right: 40 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" />
          {categoryAxis('stage')}
          <Tooltip />
          <Bar
            dataKey="averageDays"
            name={t('dashboard.duration.averageDays')}
            fill={PALETTE[4]}
            {...NO_ANIMATION}
          >
            <LabelList dataKey="averageDays" position="right" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <DataTable
        columns={[
          { label: t('field.stage') },
          { label: t('dashboard.duration.averageDays'), numeric: true },
          { label: t('dashboard.duration.stays'), numeric: true },
        ]}
        rows={data.map((d) => [
          d.stage,
          formatNumber(d.averageDays, i18n.language),
          formatNumber(d.stays, i18n.language),
        ])}
      />
    </ChartCard>
  )
}

function CampaignReturnCard() {
  const { t, i18n } = useTranslation('sales')
  const [result] = useQuery({ query: CampaignReportQuery })
  const data = useMemo(() => toCampaignReturnData(result.data?.campaignReport ?? []), [result.data])
  const withReturn = data.filter((d) => d.hasReturn)
  return (
    <ChartCard
      title={t('dashboard.campaigns.title')}
      subtitle={t('dashboard.campaigns.subtitle')}
      fetching={result.fetching}
      error={result.error}
      empty={data.length === 0}
      emptyText={t('dashboard.empty.campaigns')}
    >
      {withReturn.length > 0 ? (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={withReturn} layout="vertical" margin={{ left: 20, right: 40 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" unit=" %" />
            {categoryAxis('name')}
            <Tooltip />
            <Bar
              dataKey="returnPercent"
              name={t('dashboard.campaigns.returnPercent')}
              fill={PALETTE[2]}
              {...NO_ANIMATION}
            >
              <LabelList dataKey="returnPercent" position="right" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      ) : (
        <p className="muted chart-empty">{t('dashboard.empty.campaignReturn')}</p>
      )}
      <DataTable
        columns={[
          { label: t('campaigns.name') },
          { label: t('campaigns.leads'), numeric: true },
          { label: t('campaigns.deals'), numeric: true },
          { label: t('campaigns.won'), numeric: true },
          { label: t('dashboard.campaigns.returnPercent'), numeric: true },
        ]}
        rows={data.map((d) => [
          d.name,
          formatNumber(d.leads, i18n.language),
          formatNumber(d.opportunities, i18n.language),
          formatNumber(d.won, i18n.language),
          d.hasReturn
            ? formatNumber(d.returnPercent, i18n.language)
            : t('dashboard.campaigns.noCost'),
        ])}
      />
    </ChartCard>
  )
}
