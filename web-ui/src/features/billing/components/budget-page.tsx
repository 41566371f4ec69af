import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { DateField } from '../../../components/date-field'
import { SelectField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FORM_CURRENCIES, formatAmount, todayIso } from '../../../lib/money'
import { IncomeBudgetQuery } from '../api/billing'
import { monthEnd, monthStart, monthsBetween } from '../utils/collections'
import { compareDecimals } from '../utils/allocation'
import { Bars } from '../../../components/bars'
import '../billing.css'

const COLUMNS = ['planned', 'weightedPipeline', 'expected', 'received'] as const

/**
 * /budget: expected income by month in one currency — planned payments and the weighted pipeline
 * stacked, against money received — for 12 months from this month unless chosen otherwise.
 */
export function BudgetPage() {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const today = todayIso()
  const [from, setFrom] = useState(monthStart(today))
  const [to, setTo] = useState(monthEnd(monthStart(today, 11)))
  const [currency, setCurrency] = useState<string>('EUR')
  const months = from && to ? monthsBetween(from, to) : 0
  const valid = Boolean(from && to && from <= to && months <= 24)
  const [query, reexecute] = useQuery({
    query: IncomeBudgetQuery,
    variables: { from, to, currency },
    pause: !valid,
  })
  const rows = query.data?.incomeBudget ?? []
  const monthFormat = new Intl.DateTimeFormat(lang, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
  const monthName = (month: string) => monthFormat.format(new Date(`${month}T00:00:00Z`))
  const empty = rows.every((row) =>
    COLUMNS.every((column) => compareDecimals(row[column].amount, '0') === 0),
  )

  return (
    <section className="page" aria-labelledby="budget-title">
      <header className="page-header">
        <h1 id="budget-title">{t('budget.title')}</h1>
      </header>
      <div className="billing-toolbar">
        <DateField label={t('budget.from')} value={from} onChange={setFrom} max={to} />
        <DateField label={t('budget.to')} value={to} onChange={setTo} min={from} />
        <SelectField
          label={t('budget.currency')}
          value={currency}
          onChange={(value) => value && setCurrency(value)}
          options={FORM_CURRENCIES.map((code) => ({ value: code, label: code }))}
        />
      </div>
      {!valid ? (
        <p role="alert" className="alert alert-warning">
          {t('budget.invalidPeriod')}
        </p>
      ) : query.error && !query.data ? (
        <QueryError
          error={query.error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : query.fetching && !query.data ? (
        <Loading />
      ) : rows.length === 0 || empty ? (
        <EmptyState title={t('budget.empty')} />
      ) : (
        <section className="card" aria-label={t('budget.chart', { currency })}>
          <Bars
            label={t('budget.chart', { currency })}
            data={rows.map((row) => ({
              month: row.month,
              planned: Number(row.planned.amount),
              weightedPipeline: Number(row.weightedPipeline.amount),
              received: Number(row.received.amount),
            }))}
            categoryKey="month"
            formatCategory={monthName}
            series={[
              { key: 'planned', name: t('budget.planned'), stack: 'expected' },
              { key: 'weightedPipeline', name: t('budget.weightedPipeline'), stack: 'expected' },
              { key: 'received', name: t('budget.received') },
            ]}
            formatValue={(value) => formatAmount({ amount: String(value), currency }, lang)}
          />
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('budget.chart', { currency })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('budget.month')}</th>
                  {COLUMNS.map((column) => (
                    <th key={column} scope="col" className="num">
                      {t(`budget.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.month}>
                    <th scope="row">{monthName(row.month)}</th>
                    {COLUMNS.map((column) => (
                      <td key={column} className="num">
                        {formatAmount(row[column], lang)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </section>
  )
}
