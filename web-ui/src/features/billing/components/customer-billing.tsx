import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { Loading, QueryError } from '../../../components/status'
import { useReloadOn } from '../../../hooks/use-reload-on'
import { formatDate } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { useCan } from '../../../lib/permissions'
import { CustomerBillingQuery } from '../api/billing'
import { compareDecimals } from '../utils/allocation'
import { RecordPaymentDialog } from './record-payment-dialog'
import { RefundDialog } from './refund-dialog'
import '../billing.css'

/**
 * The customer page's payments card: credit per currency (never added up across currencies),
 * the latest payments, "Statement", "Record payment" and "Refund" (out of the credit).
 */
export function CustomerBilling({
  customerId,
  refreshKey,
}: {
  customerId: string
  refreshKey?: number
}) {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const can = useCan()
  const [query, reexecute] = useQuery({
    query: CustomerBillingQuery,
    variables: { id: customerId },
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  useReloadOn(refreshKey, reload)
  const [dialog, setDialog] = useState<'record' | 'refund' | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const customer = query.data?.customer
  if (query.fetching && !customer) return <Loading />
  if (query.error && !customer) return <QueryError error={query.error} onRetry={reload} />
  if (!customer) return null
  const credit = customer.credit.filter((c) => compareDecimals(c.amount, '0') > 0)
  const payments = customer.payments.edges.map((edge) => edge.node)
  const done = (
    key: 'payment.recorded' | 'payment.replayed' | 'refund.recorded',
    number: string,
  ) => {
    setDialog(null)
    setNotice(t(key, { number }))
    reload()
  }

  return (
    <section className="card" aria-labelledby="customer-billing-title">
      <header className="card-header">
        <h2 id="customer-billing-title">{t('customer.title')}</h2>
        <div className="page-actions">
          <Link className="button" to={`/customers/${encodeURIComponent(customer.id)}/statement`}>
            {t('customer.statement')}
          </Link>
          {can('CREATE', 'PAYMENT') && dialog === null ? (
            <button type="button" className="button" onClick={() => setDialog('record')}>
              {t('payment.record')}
            </button>
          ) : null}
          {can('CREATE', 'PAYMENT') && credit.length > 0 && dialog === null ? (
            <button type="button" className="button" onClick={() => setDialog('refund')}>
              {t('refund.open')}
            </button>
          ) : null}
        </div>
      </header>
      {notice ? (
        <p role="status" className="alert alert-info">
          {notice}
        </p>
      ) : null}
      {dialog === 'record' ? (
        <RecordPaymentDialog
          customer={customer}
          currency={credit[0]?.currency ?? 'EUR'}
          onCancel={() => setDialog(null)}
          onRecorded={(payment, replayed) =>
            done(replayed ? 'payment.replayed' : 'payment.recorded', payment.number)
          }
        />
      ) : null}
      {dialog === 'refund' ? (
        <RefundDialog
          customer={customer}
          credit={credit}
          onCancel={() => setDialog(null)}
          onRecorded={(refund, replayed) =>
            done(replayed ? 'payment.replayed' : 'refund.recorded', refund.number)
          }
        />
      ) : null}
      <h3>{t('customer.credit')}</h3>
      {credit.length === 0 ? (
        <p className="muted">{t('customer.noCredit')}</p>
      ) : (
        <ul>
          {credit.map((c) => (
            <li key={c.currency}>{formatAmount(c, lang)}</li>
          ))}
        </ul>
      )}
      <h3>{t('customer.latest')}</h3>
      {payments.length === 0 ? (
        <p className="muted">{t('customer.none')}</p>
      ) : (
        <ul>
          {payments.map((payment) => (
            <li key={payment.id}>
              <Link to={`/payments/${encodeURIComponent(payment.id)}`}>{payment.number}</Link>{' '}
              {t(`paymentKind.${payment.kind}`)} · {formatDate(payment.receivedOn, lang)} ·{' '}
              {formatAmount(payment.amount, lang)}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
