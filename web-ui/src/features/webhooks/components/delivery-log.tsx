import { useTranslation } from 'react-i18next'
import { LoadMore } from '../../../components/load-more'
import { Loading, QueryError } from '../../../components/status'
import { useFragment } from '../../../gql'
import type { WebhookDeliveriesQuery as WebhookDeliveriesResult } from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { formatDateTime } from '../../../lib/format'
import { WebhookDeliveriesQuery, WebhookDeliveryFields } from '../api/webhooks'

const PAGE_SIZE = 20

const pickDeliveries = (data: WebhookDeliveriesResult) =>
  data.node && 'deliveries' in data.node ? data.node.deliveries : null

/** An endpoint's delivery attempts, newest first, paged with "load more". */
export function DeliveryLog({
  endpointId,
  url,
  refreshKey,
}: {
  endpointId: string
  url: string
  /** Changing it loads the newest attempts again (after a test delivery, a replay…). */
  refreshKey: number
}) {
  const { t, i18n } = useTranslation('webhooks')
  const lang = i18n.language
  const pages = useConnectionPages(
    WebhookDeliveriesQuery,
    { id: endpointId, first: PAGE_SIZE },
    pickDeliveries,
    { refreshKey },
  )
  const deliveries = useFragment(WebhookDeliveryFields, pages.rows)
  const titleId = `webhook-deliveries-${endpointId}`
  return (
    <section className="webhook-deliveries" aria-labelledby={titleId}>
      <div className="card-header">
        <h3 id={titleId}>{t('deliveries.title')}</h3>
        <button type="button" className="button button-small" onClick={pages.reload}>
          {t('deliveries.refresh')}
        </button>
      </div>
      {pages.error ? (
        <QueryError error={pages.error} title={t('deliveries.loadError')} onRetry={pages.retry} />
      ) : null}
      {pages.rows.length === 0 ? (
        pages.fetching ? (
          <Loading />
        ) : pages.error ? null : (
          <p className="muted">{t('deliveries.empty')}</p>
        )
      ) : (
        <div className="table-scroll">
          <table className="table webhook-delivery-table">
            <caption className="visually-hidden">{t('deliveries.caption', { url })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deliveries.time')}</th>
                <th scope="col">{t('deliveries.event')}</th>
                <th scope="col" className="number">
                  {t('deliveries.attempt')}
                </th>
                <th scope="col">{t('deliveries.outcome')}</th>
                <th scope="col" className="number">
                  {t('deliveries.statusCode')}
                </th>
                <th scope="col" className="number">
                  {t('deliveries.latency')}
                </th>
                <th scope="col">{t('deliveries.response')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id} data-outcome={delivery.outcome}>
                  <td>{formatDateTime(delivery.attemptedAt, lang)}</td>
                  <td>
                    {delivery.eventType
                      ? t(`eventType.${delivery.eventType}`)
                      : t('deliveries.ping')}
                    {delivery.eventPosition !== null && delivery.eventPosition !== undefined ? (
                      <span className="muted webhook-position">
                        {' '}
                        {t('deliveries.position', { position: delivery.eventPosition })}
                      </span>
                    ) : null}
                  </td>
                  <td className="number">{delivery.attempt}</td>
                  <td>
                    <span
                      className={`badge ${delivery.outcome === 'SUCCEEDED' ? 'badge-webhook-ok' : 'badge-webhook-failed'}`}
                    >
                      {t(`deliveries.result.${delivery.outcome}`)}
                    </span>
                    {delivery.nextAttemptAt ? (
                      <span className="muted webhook-next">
                        {' '}
                        {t('deliveries.nextAttempt', {
                          time: formatDateTime(delivery.nextAttemptAt, lang),
                        })}
                      </span>
                    ) : null}
                  </td>
                  <td className="number">{delivery.statusCode ?? '—'}</td>
                  <td className="number">
                    {t('deliveries.latencyMs', { latency: delivery.latencyMs })}
                  </td>
                  <td>
                    {delivery.responseExcerpt ? (
                      <code className="webhook-excerpt" title={delivery.responseExcerpt}>
                        {delivery.responseExcerpt}
                      </code>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore pages={pages} label={t('page.loadMore')} busyLabel={t('page.loadingMore')} />
    </section>
  )
}
