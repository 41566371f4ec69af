import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { OrderFieldsFragment } from '../../../gql/graphql'
import { formatDate, formatDateTime } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { hasCode, type UserErrorLike } from '../../../lib/user-errors'
import { CancelOrderMutation, OrderQuery } from '../api/orders'
import { remainingOf } from '../utils/ship'
import { DeleteDocument } from './delete-document'
import { DocumentFlowPanel } from './document-flow-panel'
import { ShipDialog } from './ship-dialog'
import { graphql, useFragment } from '../../../gql'
import '../orders.css'
import { PriceBasisBadge } from '../../../components/price-basis-badge'
import { UserName } from '../../../components/user-name'

const OrderFields = graphql(`
  fragment OrderFields on Order {
    id
    number
    status
    currency
    version
    createdAt
    createdBy {
      id
      name
      vendor
    }
    customer {
      id
      name
    }
    opportunity {
      id
      name
    }
    quote {
      id
      documentNumber
      opportunity {
        id
      }
    }
    campaign {
      id
      name
    }
    total {
      amount
      currency
    }
    lines {
      id
      position
      description
      editionCode
      quantity
      shippedQuantity
      product {
        id
        code
        name
        kind
      }
      unitPrice {
        amount
        currency
      }
      priceBasis
      partnerTier {
        id
        name
      }
      discount {
        amount
        currency
      }
      price {
        amount
        currency
      }
      renews {
        id
        serial
      }
    }
    shipments {
      id
      number
      shippedOn
      licensesIssued
      invoice {
        id
        number
      }
    }
  }
`)

const REFRESH_ON_CHANGES = { additionalTypenames: ['Order', 'Shipment'] }

/** /orders/:id: lines with what was shipped, shipments, the document flow; ship, cancel, delete. */
export function OrderPage({
  canEdit,
  renderActions,
  children,
}: {
  canEdit: boolean
  /** More actions on the order from other features, e.g. "New contract" (composed by the app). */
  renderActions?: (order: { id: string }) => ReactNode
  /** What the app adds below the order and its document flow, page-wide: the payment schedule. */
  children?: ReactNode
}) {
  const { t } = useTranslation('orders')
  const id = useParams().id ?? ''
  const [query, reexecute] = useQuery({
    query: OrderQuery,
    variables: { id },
    context: REFRESH_ON_CHANGES,
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const order = useFragment(OrderFields, query.data?.order)
  if (query.fetching && !order) return <Loading />
  if (query.error && !order) return <QueryError error={query.error} onRetry={reload} />
  if (!order) {
    return (
      <EmptyState title={t('detail.notFound')}>
        <Link to="/orders">{t('detail.back')}</Link>
      </EmptyState>
    )
  }
  return (
    <OrderView
      key={order.version}
      order={order}
      canEdit={canEdit}
      onReload={reload}
      renderActions={renderActions}
    >
      {children}
    </OrderView>
  )
}

function OrderView({
  order,
  canEdit,
  onReload,
  renderActions,
  children,
}: {
  order: OrderFieldsFragment
  canEdit: boolean
  onReload: () => void
  renderActions?: (order: { id: string }) => ReactNode
  /** What the app adds below the order and its document flow, page-wide: the payment schedule. */
  children?: ReactNode
}) {
  const { t, i18n } = useTranslation('orders')
  const lang = i18n.language
  const navigate = useNavigate()
  const [shipping, setShipping] = useState(false)
  const [cancelled, cancel] = useMutation(CancelOrderMutation)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const none = <span className="muted">{t('common.notSet', { ns: 'translation' })}</span>
  const shippable =
    (order.status === 'OPEN' || order.status === 'PARTLY_SHIPPED') &&
    order.lines.some((line) => remainingOf(line) > 0)

  const cancelOrder = async () => {
    setErrors([])
    const payload = (await cancel({ input: { id: order.id, expectedVersion: order.version } })).data
      ?.cancelOrder
    if (payload) setErrors(payload.userErrors)
  }

  return (
    <article className="page" aria-labelledby="order-title">
      <p className="breadcrumb">
        <Link to="/orders">← {t('detail.back')}</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="order-title">{t('detail.title', { number: order.number })}</h1>
          <p className="page-subtitle">
            <span className={`badge order-status-${order.status}`}>
              {t(`status.${order.status}`)}
            </span>
            <span>{order.customer.name}</span>
            <span>·</span>
            <span>{formatAmount(order.total, lang)}</span>
          </p>
        </div>
        {canEdit || renderActions ? (
          <div className="page-actions">
            {renderActions?.(order)}
            {canEdit && shippable && !shipping ? (
              <button
                type="button"
                className="button button-primary"
                onClick={() => setShipping(true)}
              >
                {t('ship.button')}
              </button>
            ) : null}
            {canEdit && order.status === 'OPEN' && order.shipments.length === 0 ? (
              <button
                type="button"
                className="button"
                disabled={cancelled.fetching}
                onClick={() => void cancelOrder()}
              >
                {t('detail.cancelOrder')}
              </button>
            ) : null}
            {canEdit ? (
              <DeleteDocument
                id={order.id}
                number={order.number}
                onDeleted={() => navigate('/orders')}
              />
            ) : null}
          </div>
        ) : null}
      </header>
      {cancelled.error ? <QueryError error={cancelled.error} /> : null}
      <FormErrors errors={errors} title={t('detail.problems')}>
        {hasCode(errors, 'STALE_VERSION') ? (
          <button type="button" className="button" onClick={onReload}>
            {t('detail.reload')}
          </button>
        ) : null}
      </FormErrors>
      {shipping ? (
        <ShipDialog
          orderId={order.id}
          orderNumber={order.number}
          lines={order.lines}
          onCancel={() => setShipping(false)}
          onShipped={(shipment) => navigate(`/shipments/${encodeURIComponent(shipment.id)}`)}
        />
      ) : null}
      <div className="document-layout">
        <div className="document-main">
          <section className="card" aria-labelledby="order-details">
            <h2 id="order-details">{t('detail.details')}</h2>
            <DetailList>
              <Detail label={t('field.customer')}>
                <Link to={`/customers/${encodeURIComponent(order.customer.id)}`}>
                  {order.customer.name}
                </Link>
              </Detail>
              <Detail label={t('field.deal')}>
                {order.opportunity ? (
                  <Link to={`/opportunities/${encodeURIComponent(order.opportunity.id)}`}>
                    {order.opportunity.name}
                  </Link>
                ) : (
                  none
                )}
              </Detail>
              <Detail label={t('field.quote')}>
                {order.quote ? (
                  <Link to={`/opportunities/${encodeURIComponent(order.quote.opportunity.id)}`}>
                    {t('flow.quoteNumber', { number: order.quote.documentNumber })}
                  </Link>
                ) : (
                  none
                )}
              </Detail>
              <Detail label={t('field.campaign')}>{order.campaign?.name ?? none}</Detail>
              <Detail label={t('field.currency')}>{order.currency}</Detail>
              <Detail label={t('field.createdAt')}>
                {formatDateTime(order.createdAt, lang)} · <UserName user={order.createdBy} />
              </Detail>
            </DetailList>
          </section>
          <section className="card" aria-labelledby="order-lines">
            <h2 id="order-lines">{t('detail.lines')}</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('field.position')}</th>
                  <th scope="col">{t('field.product')}</th>
                  <th scope="col">{t('field.description')}</th>
                  <th scope="col" className="number">
                    {t('field.quantity')}
                  </th>
                  <th scope="col" className="number">
                    {t('field.shipped')}
                  </th>
                  <th scope="col" className="number">
                    {t('field.unitPrice')}
                  </th>
                  <th scope="col" className="number">
                    {t('field.discount')}
                  </th>
                  <th scope="col" className="number">
                    {t('field.price')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((line) => (
                  <tr key={line.id}>
                    <td>{line.position}</td>
                    <td>
                      {line.product.code}
                      {line.editionCode ? ` · ${line.editionCode}` : ''}
                    </td>
                    <td>
                      {line.description}
                      {line.renews ? (
                        <div className="cell-sub">
                          {t('detail.renews')}{' '}
                          <Link to={`/licenses/${encodeURIComponent(line.renews.id)}`}>
                            <code>{line.renews.serial}</code>
                          </Link>
                        </div>
                      ) : null}
                    </td>
                    <td className="number">{line.quantity}</td>
                    <td className="number">{line.shippedQuantity}</td>
                    <td className="number">
                      {formatAmount(line.unitPrice, lang)}
                      <PriceBasisBadge basis={line.priceBasis} tier={line.partnerTier} />
                    </td>
                    <td className="number">{formatAmount(line.discount, lang)}</td>
                    <td className="number">{formatAmount(line.price, lang)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={7}>
                    {t('field.total')}
                  </th>
                  <td className="number">{formatAmount(order.total, lang)}</td>
                </tr>
              </tfoot>
            </table>
          </section>
          <section className="card" aria-labelledby="order-shipments">
            <h2 id="order-shipments">{t('detail.shipments')}</h2>
            {order.shipments.length === 0 ? (
              <p className="muted">{t('detail.noShipments')}</p>
            ) : (
              <ul className="document-list">
                {order.shipments.map((shipment) => (
                  <li key={shipment.id}>
                    <Link to={`/shipments/${encodeURIComponent(shipment.id)}`}>
                      {shipment.number}
                    </Link>{' '}
                    {formatDate(shipment.shippedOn, lang)}{' '}
                    {shipment.invoice ? (
                      <Link to={`/invoices/${encodeURIComponent(shipment.invoice.id)}`}>
                        {shipment.invoice.number}
                      </Link>
                    ) : (
                      <span className="badge">{t('shipment.notInvoiced')}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <DocumentFlowPanel documentId={order.id} />
      </div>
      {/* below both columns: a payment schedule is a wide table */}
      {children ? <div className="document-wide">{children}</div> : null}
    </article>
  )
}
