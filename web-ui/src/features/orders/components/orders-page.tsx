import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { SelectField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { emptyReason } from '../../../lib/empty-reason'
import type { OrderStatus } from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { formatDate } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { OrderListQuery } from '../api/orders'
import '../orders.css'
import { LoadMore } from '../../../components/load-more'

const ORDER_STATUSES: readonly OrderStatus[] = ['OPEN', 'PARTLY_SHIPPED', 'SHIPPED', 'CANCELLED']

/** /orders: newest first, filtered by status (kept in the address), "load more". */
export function OrdersPage({ canCreate }: { canCreate: boolean }) {
  const { t, i18n } = useTranslation('orders')
  const lang = i18n.language
  const [params, setParams] = useSearchParams()
  const statusParam = params.get('status') ?? ''
  const status = (ORDER_STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as OrderStatus)
    : ''
  const pages = useConnectionPages(
    OrderListQuery,
    { status: status || null, first: 25 },
    (data) => data.orders,
  )

  return (
    <section className="page" aria-labelledby="orders-title">
      <header className="page-header">
        <div>
          <h1 id="orders-title">{t('list.title')}</h1>
        </div>
        {canCreate ? (
          <div className="page-actions">
            <Link to="/orders/new" className="button button-primary">
              {t('list.new')}
            </Link>
          </div>
        ) : null}
      </header>
      <div className="toolbar">
        <SelectField<OrderStatus>
          label={t('list.status')}
          value={status}
          onChange={(value) => setParams(value ? { status: value } : {}, { replace: true })}
          emptyLabel={t('list.allStatuses')}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </div>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.reload} /> : null}
      {pages.fetching && pages.rows.length === 0 ? (
        <Loading />
      ) : pages.rows.length === 0 ? (
        <EmptyState
          reason={emptyReason(null, status !== '')}
          texts={{ filters: t('list.empty.filters'), none: t('list.empty.none') }}
        />
      ) : (
        <div className="card">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('field.number')}</th>
                <th scope="col">{t('field.customer')}</th>
                <th scope="col">{t('field.status')}</th>
                <th scope="col" className="number">
                  {t('field.total')}
                </th>
                <th scope="col">{t('field.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {pages.rows.map((order) => (
                <tr key={order.id}>
                  <th scope="row">
                    <Link to={`/orders/${encodeURIComponent(order.id)}`}>{order.number}</Link>
                  </th>
                  <td>{order.customer.name}</td>
                  <td>
                    <span className={`badge order-status-${order.status}`}>
                      {t(`status.${order.status}`)}
                    </span>
                  </td>
                  <td className="number">{formatAmount(order.total, lang)}</td>
                  <td>{formatDate(order.createdAt, lang)}</td>
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
