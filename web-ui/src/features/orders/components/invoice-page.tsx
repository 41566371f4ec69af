import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { formatDate, formatDateTime } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { InvoiceQuery } from '../api/orders'
import { DeleteDocument } from './delete-document'
import { DocumentFlowPanel } from './document-flow-panel'
import '../orders.css'
import { UserName } from '../../../components/user-name'

const REFRESH_ON_CHANGES = { additionalTypenames: ['Invoice'] }

/**
 * /invoices/:id: the invoice with the shipments it covers and the document flow; `children` (from
 * the app, e.g. its payments) go below the details.
 */
export function InvoicePage({ canDelete, children }: { canDelete: boolean; children?: ReactNode }) {
  const { t, i18n } = useTranslation('orders')
  const lang = i18n.language
  const navigate = useNavigate()
  const id = useParams().id ?? ''
  const [query, reexecute] = useQuery({
    query: InvoiceQuery,
    variables: { id },
    context: REFRESH_ON_CHANGES,
  })
  const invoice = query.data?.invoice
  if (query.fetching && !invoice) return <Loading />
  if (query.error && !invoice) {
    return (
      <QueryError
        error={query.error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    )
  }
  if (!invoice) {
    return (
      <EmptyState title={t('invoice.notFound')}>
        <Link to="/invoices">{t('invoices.back')}</Link>
      </EmptyState>
    )
  }
  const firstOrder = invoice.shipments[0]?.order

  return (
    <article className="page" aria-labelledby="invoice-title">
      <p className="breadcrumb">
        <Link to="/invoices">← {t('invoices.back')}</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="invoice-title">{t('invoice.title', { number: invoice.number })}</h1>
          <p className="page-subtitle">
            <span>{invoice.customer.name}</span>
            <span>·</span>
            <span>{formatAmount(invoice.total, lang)}</span>
          </p>
        </div>
        {canDelete ? (
          <div className="page-actions">
            <DeleteDocument
              id={invoice.id}
              number={invoice.number}
              onDeleted={() =>
                navigate(firstOrder ? `/orders/${encodeURIComponent(firstOrder.id)}` : '/orders')
              }
            />
          </div>
        ) : null}
      </header>
      <div className="document-layout">
        <div className="document-main">
          <section className="card" aria-labelledby="invoice-details">
            <h2 id="invoice-details">{t('detail.details')}</h2>
            <DetailList>
              <Detail label={t('field.customer')}>
                <Link to={`/customers/${encodeURIComponent(invoice.customer.id)}`}>
                  {invoice.customer.name}
                </Link>
              </Detail>
              <Detail label={t('invoice.issuedOn')}>{formatDate(invoice.issuedOn, lang)}</Detail>
              <Detail label={t('invoice.dueOn')}>{formatDate(invoice.dueOn, lang)}</Detail>
              <Detail label={t('field.total')}>{formatAmount(invoice.total, lang)}</Detail>
              <Detail label={t('field.createdAt')}>
                {formatDateTime(invoice.createdAt, lang)} · <UserName user={invoice.createdBy} />
              </Detail>
            </DetailList>
          </section>
          {children}
          <section className="card" aria-labelledby="invoice-shipments">
            <h2 id="invoice-shipments">{t('detail.shipments')}</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('field.shipment')}</th>
                  <th scope="col">{t('field.order')}</th>
                  <th scope="col">{t('ship.shippedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {invoice.shipments.map((shipment) => (
                  <tr key={shipment.id}>
                    <th scope="row">
                      <Link to={`/shipments/${encodeURIComponent(shipment.id)}`}>
                        {shipment.number}
                      </Link>
                    </th>
                    <td>
                      <Link to={`/orders/${encodeURIComponent(shipment.order.id)}`}>
                        {shipment.order.number}
                      </Link>
                    </td>
                    <td>{formatDate(shipment.shippedOn, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <DocumentFlowPanel documentId={invoice.id} />
      </div>
    </article>
  )
}
