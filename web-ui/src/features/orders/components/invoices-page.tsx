import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { formatDate } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { InvoiceListQuery } from '../api/orders'
import '../orders.css'
import { LoadMore } from '../../../components/load-more'

/** /invoices: newest first, "load more", each linking its invoice page. */
export function InvoicesPage() {
  const { t, i18n } = useTranslation('orders')
  const lang = i18n.language
  const pages = useConnectionPages(InvoiceListQuery, { first: 25 }, (data) => data.invoices)

  return (
    <section className="page" aria-labelledby="invoices-title">
      <header className="page-header">
        <div>
          <h1 id="invoices-title">{t('invoices.title')}</h1>
          <p className="page-subtitle">{t('invoices.subtitle')}</p>
        </div>
      </header>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.reload} /> : null}
      {pages.fetching && pages.rows.length === 0 ? (
        <Loading />
      ) : pages.rows.length === 0 ? (
        <EmptyState title={t('invoices.none')} />
      ) : (
        <div className="card" aria-busy={pages.fetching}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('field.number')}</th>
                <th scope="col">{t('field.customer')}</th>
                <th scope="col">{t('invoice.issuedOn')}</th>
                <th scope="col">{t('invoice.dueOn')}</th>
                <th scope="col" className="number">
                  {t('field.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {pages.rows.map((invoice) => (
                <tr key={invoice.id}>
                  <th scope="row">
                    <Link to={`/invoices/${encodeURIComponent(invoice.id)}`}>{invoice.number}</Link>
                  </th>
                  <td>
                    <Link to={`/customers/${encodeURIComponent(invoice.customer.id)}`}>
                      {invoice.customer.name}
                    </Link>
                  </td>
                  <td>{formatDate(invoice.issuedOn, lang)}</td>
                  <td>{formatDate(invoice.dueOn, lang)}</td>
                  <td className="number">{formatAmount(invoice.total, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore pages={pages} label={t('list.loadMore')} busyLabel={t('list.loadingMore')} />
        </div>
      )}
    </section>
  )
}
