import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useQuery } from 'urql'
import { SelectField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { useFragment } from '../../../gql'
import { PerformanceRowFieldsFragmentDoc } from '../../../gql/graphql'
import { formatNumber } from '../../../lib/format'
import { FORM_CURRENCIES, formatAmount } from '../../../lib/money'
import { PartnerPerformanceQuery } from '../api/performance'
import { PERIOD_CHOICES, periodOf, type PeriodChoice } from '../utils/period'
import { Bars } from '../../../components/bars'
import { RebateProgressList } from './rebate-progress'
import '../performance.css'

/**
 * Partner performance (/channel/performance for the channel manager, every partner;
 * /portal/performance for a partner, itself and its sub-dealers): a period and a currency
 * (kept in the address), charts of sales by partner, region and product, registrations by status
 * and rebate progress, and the figures as a table.
 */

// submitted, approved, rejected, converted
const REGISTRATION_COLOURS = ['#1d4ed8', '#16a34a', '#b42318', '#9333ea']

export function PerformancePage() {
  const { t, i18n } = useTranslation('performance')
  const lang = i18n.language
  const [params, setParams] = useSearchParams()
  const periodParam = params.get('period') ?? ''
  const choice = PERIOD_CHOICES.includes(periodParam as PeriodChoice)
    ? (periodParam as PeriodChoice)
    : 'thisYear'
  const currency = params.get('currency') || 'EUR'
  const period = periodOf(choice)
  const [result, reexecute] = useQuery({
    query: PartnerPerformanceQuery,
    variables: { from: period.from, to: period.to, currency },
  })
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    next.set(key, value)
    setParams(next, { replace: true })
  }
  const performance = result.data?.partnerPerformance
  const rows = useFragment(PerformanceRowFieldsFragmentDoc, performance?.byPartner ?? [])
  const total = useFragment(PerformanceRowFieldsFragmentDoc, performance?.total)
  const money = (value: number) => formatAmount({ amount: String(value), currency }, lang)
  const count = (value: number) => formatNumber(value, lang)

  return (
    <section className="page performance-page" aria-labelledby="performance-title">
      <header className="page-header">
        <div>
          <h1 id="performance-title">{t('page.title')}</h1>
          <p className="page-subtitle">{t('page.subtitle')}</p>
        </div>
      </header>
      <div className="toolbar">
        <SelectField<PeriodChoice>
          label={t('page.period')}
          value={choice}
          onChange={(value) => setParam('period', value || 'thisYear')}
          options={PERIOD_CHOICES.map((c) => ({ value: c, label: t(`period.${c}`) }))}
        />
        <SelectField
          label={t('page.currency')}
          value={currency}
          onChange={(value) => setParam('currency', value || 'EUR')}
          options={FORM_CURRENCIES.map((code) => ({ value: code, label: code }))}
        />
      </div>
      <p className="muted">{t('page.currencyNote', { currency })}</p>
      {result.error ? (
        <QueryError
          error={result.error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : null}
      {result.fetching && !result.data ? (
        <Loading />
      ) : !performance ? null : rows.length === 0 ? (
        <EmptyState title={t('page.empty')} />
      ) : (
        <>
          {total ? (
            <dl className="performance-totals">
              <div>
                <dt>{t('total.sales')}</dt>
                <dd>{formatAmount(total.sales, lang)}</dd>
              </div>
              <div>
                <dt>{t('total.orders')}</dt>
                <dd>{count(total.orders)}</dd>
              </div>
              <div>
                <dt>{t('total.submitted')}</dt>
                <dd>{count(total.registrationsSubmitted)}</dd>
              </div>
              <div>
                <dt>{t('total.approved')}</dt>
                <dd>{count(total.registrationsApproved)}</dd>
              </div>
              <div>
                <dt>{t('total.converted')}</dt>
                <dd>{count(total.registrationsConverted)}</dd>
              </div>
            </dl>
          ) : null}
          <div className="performance-grid">
            <section className="card" aria-labelledby="perf-by-partner">
              <h2 id="perf-by-partner">{t('chart.byPartner')}</h2>
              <Bars
                label={t('chart.byPartner')}
                data={rows.map((row) => ({
                  name: row.partner?.name ?? '',
                  sales: Number(row.sales.amount),
                }))}
                categoryKey="name"
                series={[{ key: 'sales', name: t('total.sales') }]}
                formatValue={money}
              />
            </section>
            <section className="card" aria-labelledby="perf-by-region">
              <h2 id="perf-by-region">{t('chart.byRegion')}</h2>
              <Bars
                label={t('chart.byRegion')}
                data={performance.byRegion.map((row) => ({
                  name: row.region ?? t('chart.noRegion'),
                  sales: Number(row.sales.amount),
                }))}
                categoryKey="name"
                series={[{ key: 'sales', name: t('total.sales') }]}
                formatValue={money}
              />
            </section>
            <section className="card" aria-labelledby="perf-by-product">
              <h2 id="perf-by-product">{t('chart.byProduct')}</h2>
              <Bars
                label={t('chart.byProduct')}
                data={performance.byProduct.map((row) => ({
                  name: row.product.code,
                  sales: Number(row.sales.amount),
                }))}
                categoryKey="name"
                series={[{ key: 'sales', name: t('total.sales') }]}
                formatValue={money}
              />
            </section>
            <section className="card" aria-labelledby="perf-registrations">
              <h2 id="perf-registrations">{t('chart.registrations')}</h2>
              <Bars
                label={t('chart.registrations')}
                palette={REGISTRATION_COLOURS}
                data={rows.map((row) => ({
                  name: row.partner?.name ?? '',
                  submitted: row.registrationsSubmitted,
                  approved: row.registrationsApproved,
                  rejected: row.registrationsRejected,
                  converted: row.registrationsConverted,
                }))}
                categoryKey="name"
                series={[
                  { key: 'submitted', name: t('total.submitted') },
                  { key: 'approved', name: t('total.approved') },
                  { key: 'rejected', name: t('total.rejected') },
                  { key: 'converted', name: t('total.converted') },
                ]}
                formatValue={count}
              />
            </section>
          </div>
          <section className="card" aria-labelledby="perf-rebates">
            <h2 id="perf-rebates">{t('rebate.title')}</h2>
            <RebateProgressList rows={performance.byPartner} showPartner />
          </section>
          <section className="card" aria-labelledby="perf-table">
            <h2 id="perf-table">{t('table.title')}</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('table.partner')}</th>
                  <th scope="col" className="number">
                    {t('total.sales')}
                  </th>
                  <th scope="col" className="number">
                    {t('total.orders')}
                  </th>
                  <th scope="col" className="number">
                    {t('total.submitted')}
                  </th>
                  <th scope="col" className="number">
                    {t('total.approved')}
                  </th>
                  <th scope="col" className="number">
                    {t('total.rejected')}
                  </th>
                  <th scope="col" className="number">
                    {t('total.converted')}
                  </th>
                  <th scope="col" className="number">
                    {t('table.accrued')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.partner?.id ?? index}>
                    <th scope="row">{row.partner?.name}</th>
                    <td className="number">{formatAmount(row.sales, lang)}</td>
                    <td className="number">{count(row.orders)}</td>
                    <td className="number">{count(row.registrationsSubmitted)}</td>
                    <td className="number">{count(row.registrationsApproved)}</td>
                    <td className="number">{count(row.registrationsRejected)}</td>
                    <td className="number">{count(row.registrationsConverted)}</td>
                    <td className="number">
                      {row.rebate ? formatAmount(row.rebate.accrued, lang) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  )
}
