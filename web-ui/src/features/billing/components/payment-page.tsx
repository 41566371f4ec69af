import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { formatDate, formatDateTime } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { PaymentQuery } from '../api/billing'
import { AllocationList } from './allocation-list'
import '../billing.css'

/** /payments/:id: a payment or refund, what it was allocated to, and what is left as credit. */
export function PaymentPage() {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const id = useParams().id ?? ''
  const [query, reexecute] = useQuery({ query: PaymentQuery, variables: { id } })
  const payment = query.data?.payment
  if (query.fetching && !payment) return <Loading />
  if (query.error && !payment) {
    return (
      <QueryError
        error={query.error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    )
  }
  if (!payment) {
    return (
      <EmptyState title={t('paymentPage.notFound')}>
        <Link to="/payments">{t('paymentPage.back')}</Link>
      </EmptyState>
    )
  }
  return (
    <article className="page" aria-labelledby="payment-title">
      <p className="breadcrumb">
        <Link to="/payments">← {t('paymentPage.back')}</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="payment-title">
            {t('paymentPage.title', {
              kind: t(`paymentKind.${payment.kind}`),
              number: payment.number,
            })}
          </h1>
          <p className="page-subtitle">
            <span>{payment.customer.name}</span>
            <span>·</span>
            <span>{formatAmount(payment.amount, lang)}</span>
          </p>
        </div>
      </header>
      <section className="card" aria-labelledby="payment-details">
        <h2 id="payment-details">{t('paymentPage.details')}</h2>
        <DetailList>
          <Detail label={t('field.customer')}>
            <Link to={`/customers/${encodeURIComponent(payment.customer.id)}`}>
              {payment.customer.name}
            </Link>
          </Detail>
          <Detail label={t('field.amount')}>{formatAmount(payment.amount, lang)}</Detail>
          <Detail label={t('field.date')}>{formatDate(payment.receivedOn, lang)}</Detail>
          <Detail label={t('field.method')}>{t(`method.${payment.method}`)}</Detail>
          {payment.reference ? (
            <Detail label={t('field.reference')}>{payment.reference}</Detail>
          ) : null}
          {payment.exchangeRate ? (
            <Detail label={t('paymentPage.exchangeRate')}>{payment.exchangeRate}</Detail>
          ) : null}
          <Detail label={t('paymentPage.unallocated')}>
            {formatAmount(payment.unallocated, lang)}
          </Detail>
          <Detail label={t('paymentPage.createdBy')}>
            {formatDateTime(payment.createdAt, lang)} · {payment.createdBy.name}
          </Detail>
        </DetailList>
      </section>
      <section className="card" aria-labelledby="payment-allocations">
        <h2 id="payment-allocations">{t('paymentPage.allocations')}</h2>
        {payment.allocations.length === 0 ? (
          <p className="muted">{t('paymentPage.noAllocations')}</p>
        ) : (
          <AllocationList
            allocations={payment.allocations}
            show="target"
            caption={t('paymentPage.allocations')}
          />
        )}
      </section>
    </article>
  )
}
