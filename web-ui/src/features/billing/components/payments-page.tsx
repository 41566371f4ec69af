import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { LoadMore } from '../../../components/load-more'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { formatDate } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { PaymentListQuery } from '../api/billing'
import '../billing.css'

/** /payments: payments and refunds in the user's scope, newest first, paged by "Load more". */
export function PaymentsPage() {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const pages = useConnectionPages(PaymentListQuery, { first: 25 }, (data) => data.payments)
  return (
    <section className="page" aria-labelledby="payments-title">
      <header className="page-header">
        <h1 id="payments-title">{t('payments.title')}</h1>
      </header>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.retry} /> : null}
      {pages.fetching && pages.rows.length === 0 ? (
        <Loading />
      ) : pages.rows.length === 0 && !pages.error ? (
        <EmptyState title={t('payments.empty')} />
      ) : (
        <div className="card table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('payments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.number')}</th>
                <th scope="col">{t('field.date')}</th>
                <th scope="col">{t('field.customer')}</th>
                <th scope="col">{t('field.kind')}</th>
                <th scope="col">{t('field.method')}</th>
                <th scope="col">{t('field.reference')}</th>
                <th scope="col" className="num">
                  {t('field.amount')}
                </th>
                <th scope="col" className="num">
                  {t('field.unallocated')}
                </th>
              </tr>
            </thead>
            <tbody>
              {pages.rows.map((payment) => (
                <tr key={payment.id}>
                  <th scope="row">
                    <Link to={`/payments/${encodeURIComponent(payment.id)}`}>{payment.number}</Link>
                  </th>
                  <td>{formatDate(payment.receivedOn, lang)}</td>
                  <td>
                    <Link to={`/customers/${encodeURIComponent(payment.customer.id)}`}>
                      {payment.customer.name}
                    </Link>
                  </td>
                  <td>{t(`paymentKind.${payment.kind}`)}</td>
                  <td>{t(`method.${payment.method}`)}</td>
                  <td>{payment.reference ?? ''}</td>
                  <td className="num">{formatAmount(payment.amount, lang)}</td>
                  <td className="num">{formatAmount(payment.unallocated, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        pages={pages}
        label={t('payments.loadMore')}
        busyLabel={t('payments.loadingMore')}
      />
    </section>
  )
}
