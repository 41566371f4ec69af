import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
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
import { useQuery } from 'urql'
import { DateField } from '../../../components/date-field'
import { SelectField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { formatNumber } from '../../../lib/format'
import { ContractPeopleQuery, PlannedWorkQuery } from '../api/contracts'
import { defaultPlanningRange, isPlanningRange, toPlanningChart } from '../utils/planning'
import '../contracts.css'

const COLOURS = [
  '#2f6fb3',
  '#d9822b',
  '#3c9a5f',
  '#9c4dcc',
  '#c2410c',
  '#0f766e',
  '#a16207',
  '#be185d',
]

/** /planning, "People's time": hours planned in contract tasks by month and person. */
export function PlanningPage() {
  const { t, i18n } = useTranslation('contracts')
  const lang = i18n.language
  const [range, setRange] = useState(defaultPlanningRange)
  const [personId, setPersonId] = useState('')
  const valid = isPlanningRange(range.from, range.to)
  const [people] = useQuery({ query: ContractPeopleQuery })
  const [work, reexecute] = useQuery({
    query: PlannedWorkQuery,
    variables: { from: range.from, to: range.to, assigneeId: personId || null },
    pause: !valid,
  })
  const rows = useMemo(() => work.data?.plannedWork ?? [], [work.data])
  const chart = useMemo(() => toPlanningChart(rows), [rows])
  const monthName = (iso: string) =>
    new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric' }).format(
      new Date(`${iso}T00:00:00`),
    )
  const total = rows.reduce((sum, row) => sum + Number(row.plannedHours), 0)

  return (
    <section className="page" aria-labelledby="planning-title">
      <header className="page-header">
        <div>
          <h1 id="planning-title">{t('planning.title')}</h1>
          <p className="page-subtitle">{t('planning.subtitle')}</p>
        </div>
      </header>
      <div className="toolbar contracts-search">
        <DateField
          label={t('planning.from')}
          value={range.from}
          onChange={(from) => setRange((current) => ({ ...current, from }))}
        />
        <DateField
          label={t('planning.to')}
          value={range.to}
          onChange={(to) => setRange((current) => ({ ...current, to }))}
        />
        <SelectField
          label={t('planning.person')}
          value={personId}
          onChange={setPersonId}
          emptyLabel={t('planning.everyone')}
          options={(people.data?.users ?? []).map((user) => ({ value: user.id, label: user.name }))}
        />
      </div>
      {!valid ? (
        <p role="alert" className="alert alert-error">
          {t('planning.range')}
        </p>
      ) : null}
      {work.error ? (
        <QueryError
          error={work.error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : null}
      {valid && work.fetching && !work.data ? (
        <Loading />
      ) : valid && rows.length === 0 && work.data ? (
        <EmptyState title={personId ? t('planning.emptyPerson') : t('planning.empty')} />
      ) : rows.length > 0 ? (
        <>
          <section className="card" aria-labelledby="planning-chart">
            <h2 id="planning-chart">{t('planning.chart')}</h2>
            <div className="planning-chart" aria-hidden="true">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={chart.months}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" tickFormatter={monthName} />
                  <YAxis />
                  <Tooltip
                    labelFormatter={(label) => monthName(String(label))}
                    formatter={(value) => formatNumber(Number(value), lang)}
                  />
                  <Legend />
                  {chart.people.map((person, index) => (
                    <Bar
                      key={person.id}
                      dataKey={person.id}
                      name={person.name}
                      stackId="hours"
                      fill={COLOURS[index % COLOURS.length]}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </section>
          <section className="card" aria-labelledby="planning-table">
            <h2 id="planning-table">{t('planning.table')}</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('planning.month')}</th>
                  <th scope="col">{t('planning.person')}</th>
                  <th scope="col" className="number">
                    {t('planning.hours')}
                  </th>
                  <th scope="col" className="number">
                    {t('planning.tasks')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.month}:${row.person.id}`}>
                    <td>{monthName(row.month)}</td>
                    <td>{row.person.name}</td>
                    <td className="number">{formatNumber(Number(row.plannedHours), lang)}</td>
                    <td className="number">{row.tasks}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('planning.total')}
                  </th>
                  <td className="number">{formatNumber(total, lang)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </section>
        </>
      ) : null}
    </section>
  )
}
