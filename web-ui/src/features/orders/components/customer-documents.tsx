import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { HubCard } from '../../../components/hub-card'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { formatDate } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { CustomerInvoicesQuery, OrderListQuery } from '../api/orders'
import '../orders.css'

const PAGE_SIZE = 10

/** Where "New order" starts with the customer already chosen. */
function newOrderPath(customerId: string): string {
  return `/orders/new?customerId=${encodeURIComponent(customerId)}`
}

/** On the customer page: its orders (with "New order") and its invoices, newest first. */
export function CustomerDocuments({
  customerId,
  canOrder,
  refreshKey,
}: {
  customerId: string
  canOrder: boolean
  /** Changing it fetches the section again, e.g. when the live feed said it changed. */
  refreshKey?: number
}) {
  const { t, i18n } = useTranslation('orders')
  const lang = i18n.language
  const orders = useConnectionPages(
    OrderListQuery,
    { customerId, status: null, first: PAGE_SIZE },
    (data) => data.orders,
    { refreshKey },
  )
  const invoices = useConnectionPages(
    CustomerInvoicesQuery,
    { customerId, first: PAGE_SIZE },
    (data) => data.invoices,
    { refreshKey },
  )
  const newOrder = canOrder ? (
    <Link to={newOrderPath(customerId)} className="button">
      {t('list.new')}
    </Link>
  ) : null
  return (
    <>
      <HubCard
        id="customer-orders"
        title={t('list.title')}
        pages={orders}
        action={newOrder}
        empty={canOrder ? t('customer.noOrdersCreate') : t('customer.noOrders')}
      >
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('field.number')}</th>
              <th scope="col">{t('field.status')}</th>
              <th scope="col" className="number">
                {t('field.total')}
              </th>
              <th scope="col">{t('field.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.rows.map((order) => (
              <tr key={order.id}>
                <th scope="row">
                  <Link to={`/orders/${encodeURIComponent(order.id)}`}>{order.number}</Link>
                </th>
                <td>
                  <span className="badge">{t(`status.${order.status}`)}</span>
                </td>
                <td className="number">{formatAmount(order.total, lang)}</td>
                <td>{formatDate(order.createdAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </HubCard>
      <HubCard
        id="customer-invoices"
        title={t('nav.invoices')}
        pages={invoices}
        empty={t('customer.noInvoices')}
      >
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('field.number')}</th>
              <th scope="col" className="number">
                {t('field.total')}
              </th>
              <th scope="col">{t('invoice.issuedOn')}</th>
              <th scope="col">{t('invoice.dueOn')}</th>
            </tr>
          </thead>
          <tbody>
            {invoices.rows.map((invoice) => (
              <tr key={invoice.id}>
                <th scope="row">
                  <Link to={`/invoices/${encodeURIComponent(invoice.id)}`}>{invoice.number}</Link>
                </th>
                <td className="number">{formatAmount(invoice.total, lang)}</td>
                <td>{formatDate(invoice.issuedOn, lang)}</td>
                <td>{formatDate(invoice.dueOn, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </HubCard>
    </>
  )
}
