import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { DateField } from '../../../components/date-field'
import { SelectField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { useFragment } from '../../../gql'
import {
  AgeingRowFieldsFragmentDoc,
  type CollectionsQuery as CollectionsData,
} from '../../../gql/graphql'
import { formatDate, formatNumber } from '../../../lib/format'
import { formatAmount, todayIso } from '../../../lib/money'
import { CollectionsQuery, IncomeBudgetQuery } from '../api/billing'
import {
  BANDS,
  ageingChartData,
  currenciesOf,
  monthEnd,
  monthStart,
  receivedVsPlanned,
} from '../utils/collections'
import { AgeingTable } from './ageing-table'
import { Bars } from '../../../components/bars'
import { PlannedPaymentBadge } from './status-badge'
import '../billing.css'

/**
 * /collections: what is owed as of a date — due this week, ageing by band per currency (chart and
 * tables by customer, owner and partner) and money received by month against what was planned.
 * Reps see their own customers (the API scopes every figure). Amounts are per currency, never
 * added across currencies.
 */
export function CollectionsPage() {
  const { t } = useTranslation('billing')
  const [asOf, setAsOf] = useState(todayIso())
  const [query, reexecute] = useQuery({
    query: CollectionsQuery,
    variables: { asOf: asOf || null },
  })
  const collections = query.data?.collections
  return (
    <section className="page" aria-labelledby="collections-title">
      <header className="page-header">
        <h1 id="collections-title">{t('collections.title')}</h1>
      </header>
      <div className="billing-toolbar">
        <DateField label={t('collections.asOf')} value={asOf} onChange={setAsOf} />
      </div>
      {query.error && !collections ? (
        <QueryError
          error={query.error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : query.fetching && !collections ? (
        <Loading />
      ) : collections ? (
        <CollectionsView collections={collections} />
      ) : null}
    </section>
  )
}

type Collections = CollectionsData['collections']

export function CollectionsView({ collections }: { collections: Collections }) {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const totals = useFragment(AgeingRowFieldsFragmentDoc, collections.totals)
  return (
    <>
      <section className="card" aria-labelledby="due-week-title">
        <h2 id="due-week-title">{t('collections.dueThisWeek')}</h2>
        {collections.dueThisWeek.length === 0 ? (
          <EmptyState title={t('collections.noneDue')} />
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('field.due')}</th>
                  <th scope="col">{t('field.customer')}</th>
                  <th scope="col">{t('collections.document')}</th>
                  <th scope="col">{t('field.status')}</th>
                  <th scope="col" className="num">
                    {t('field.open')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {collections.dueThisWeek.map((receivable, index) => (
                  <tr key={receivable.plannedPayment?.id ?? receivable.invoice?.id ?? index}>
                    <td>{formatDate(receivable.dueOn, lang)}</td>
                    <th scope="row">
                      <Link to={`/customers/${encodeURIComponent(receivable.customer.id)}`}>
                        {receivable.customer.name}
                      </Link>
                    </th>
                    <td>
                      {receivable.invoice ? (
                        <Link to={`/invoices/${encodeURIComponent(receivable.invoice.id)}`}>
                          {receivable.invoice.number}
                        </Link>
                      ) : (
                        receivable.plannedPayment?.label
                      )}
                    </td>
                    <td>
                      {receivable.plannedPayment ? (
                        <PlannedPaymentBadge status={receivable.plannedPayment.status} />
                      ) : null}
                    </td>
                    <td className="num">{formatAmount(receivable.open, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="ageing-title">
        <h2 id="ageing-title">{t('collections.ageing')}</h2>
        {collections.totals.length === 0 ? (
          <EmptyState title={t('collections.nothingOpen')} />
        ) : (
          <>
            <Bars
              label={t('collections.ageingChart')}
              data={ageingChartData(totals)}
              categoryKey="currency"
              series={BANDS.map((band) => ({
                key: band,
                name: t(`collections.band.${band}`),
                stack: 'ageing',
              }))}
              formatValue={(value) => formatNumber(value, lang)}
            />
            <AgeingTable
              caption={t('collections.ageing')}
              nameHeader={t('collections.name')}
              rows={collections.totals.map((row, index) => ({
                key: `total-${index}`,
                name: t('collections.allCustomers'),
                ageing: row,
              }))}
            />
          </>
        )}
      </section>
      <AgeingSection
        id="by-customer"
        title={t('collections.byCustomer')}
        rows={collections.byCustomer.map((row, index) => ({
          key: `${row.customer?.id ?? 'none'}-${index}`,
          name: row.customer ? (
            <Link to={`/customers/${encodeURIComponent(row.customer.id)}`}>
              {row.customer.name}
            </Link>
          ) : (
            '—'
          ),
          ageing: row,
        }))}
      />
      <AgeingSection
        id="by-owner"
        title={t('collections.byOwner')}
        rows={collections.byOwner.map((row, index) => ({
          key: `${row.owner?.id ?? 'none'}-${index}`,
          name: row.owner?.name ?? t('collections.noOwner'),
          ageing: row,
        }))}
      />
      <AgeingSection
        id="by-partner"
        title={t('collections.byPartner')}
        rows={collections.byPartner.map((row, index) => ({
          key: `${row.partner?.id ?? 'direct'}-${index}`,
          name: row.partner?.name ?? t('collections.direct'),
          ageing: row,
        }))}
      />
      <ReceivedSection collections={collections} />
    </>
  )
}

function AgeingSection({
  id,
  title,
  rows,
}: {
  id: string
  title: string
  rows: Parameters<typeof AgeingTable>[0]['rows']
}) {
  const { t } = useTranslation('billing')
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {rows.length === 0 ? (
        <EmptyState title={t('collections.noOverdue')} />
      ) : (
        <AgeingTable caption={title} nameHeader={t('collections.name')} rows={rows} />
      )}
    </section>
  )
}

/** Received by month (from collections) against planned (the income budget), in one currency. */
function ReceivedSection({ collections }: { collections: Collections }) {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const totals = useFragment(AgeingRowFieldsFragmentDoc, collections.totals)
  const currencies = currenciesOf(
    totals,
    collections.receivedByMonth.map((r) => r.amount),
  )
  const [chosen, setChosen] = useState<string>('')
  const currency = currencies.includes(chosen) ? chosen : (currencies[0] ?? 'EUR')
  const [budget] = useQuery({
    query: IncomeBudgetQuery,
    variables: {
      from: monthStart(collections.asOf, -11),
      to: monthEnd(collections.asOf),
      currency,
    },
  })
  const data = receivedVsPlanned(
    collections.receivedByMonth,
    budget.data?.incomeBudget ?? [],
    currency,
  )
  const monthFormat = new Intl.DateTimeFormat(lang, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
  const empty = data.every((d) => d.received === 0 && d.planned === 0)
  return (
    <section className="card" aria-labelledby="received-title">
      <h2 id="received-title">{t('collections.received')}</h2>
      {currencies.length > 1 ? (
        <SelectField
          label={t('collections.currency')}
          value={currency}
          onChange={(value) => value && setChosen(value)}
          options={currencies.map((code) => ({ value: code, label: code }))}
        />
      ) : null}
      {budget.error ? <QueryError error={budget.error} /> : null}
      {empty ? (
        <EmptyState title={t('collections.noReceived')} />
      ) : (
        <Bars
          label={t('collections.receivedChart', { currency })}
          data={data}
          categoryKey="month"
          formatCategory={(month) => monthFormat.format(new Date(`${month}T00:00:00Z`))}
          series={[
            { key: 'received', name: t('collections.receivedLabel') },
            { key: 'planned', name: t('collections.plannedLabel') },
          ]}
          formatValue={(value) => formatAmount({ amount: String(value), currency }, lang)}
        />
      )}
    </section>
  )
}
