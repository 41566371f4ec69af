import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LoadMore } from '../../../components/load-more'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { useFragment } from '../../../gql'
import type { WebhookEndpointsQuery as WebhookEndpointsResult } from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { useCan } from '../../../lib/permissions'
import { WebhookEndpointFields, WebhookEndpointsQuery } from '../api/webhooks'
import { EndpointCard } from './endpoint-card'
import { SecretNotice } from './secret-notice'
import { WebhookForm } from './webhook-form'
import '../webhooks.css'

const PAGE_SIZE = 20

const pickEndpoints = (data: WebhookEndpointsResult) => data.webhookEndpoints

/**
 * /settings/webhooks: the endpoints the user manages (all for admins, their partner's for
 * partner users), "New endpoint", and per endpoint its actions and delivery log. A new or rotated
 * signing secret shows once, above the list, until the user says it is stored.
 */
export function WebhooksPage({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation('webhooks')
  const can = useCan()
  const pages = useConnectionPages(WebhookEndpointsQuery, { first: PAGE_SIZE }, pickEndpoints)
  const endpoints = useFragment(WebhookEndpointFields, pages.rows)
  const [creating, setCreating] = useState(false)
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null)
  const [notice, setNotice] = useState('')

  return (
    <div className="page webhooks-page">
      <header className="page-header">
        <div>
          <h1>{t('page.title')}</h1>
          <p className="page-subtitle">{t('page.subtitle')}</p>
        </div>
        {can('CREATE', 'WEBHOOK_ENDPOINT') && !creating ? (
          <div className="page-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setCreating(true)
                setNotice('')
              }}
            >
              + {t('page.new')}
            </button>
          </div>
        ) : null}
      </header>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {secret ? (
        <SecretNotice url={secret.url} secret={secret.secret} onDone={() => setSecret(null)} />
      ) : null}
      {creating ? (
        <WebhookForm
          isAdmin={isAdmin}
          onCancel={() => setCreating(false)}
          onCreated={(endpoint, newSecret) => {
            setCreating(false)
            setSecret({ url: endpoint.url, secret: newSecret })
            setNotice(t('notice.created', { url: endpoint.url }))
            pages.reload()
          }}
        />
      ) : null}
      {pages.error ? (
        <QueryError error={pages.error} title={t('page.loadError')} onRetry={pages.retry} />
      ) : null}
      {pages.rows.length === 0 ? (
        pages.fetching ? (
          <Loading />
        ) : pages.error ? null : (
          <EmptyState title={t('page.empty')} />
        )
      ) : (
        <div className="webhook-list">
          {endpoints.map((endpoint) => (
            <EndpointCard
              key={endpoint.id}
              endpoint={endpoint}
              isAdmin={isAdmin}
              onChanged={pages.reload}
              onSecret={(url, newSecret) => setSecret({ url, secret: newSecret })}
              onDeleted={(url) => {
                setNotice(t('notice.deleted', { url }))
                pages.reload()
              }}
            />
          ))}
        </div>
      )}
      <LoadMore pages={pages} label={t('page.loadMore')} busyLabel={t('page.loadingMore')} />
    </div>
  )
}
