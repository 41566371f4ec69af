import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { useQuery } from 'urql'
import { LoadMore } from '../../../components/load-more'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import type {
  DealRegistrationListQuery as DealRegistrationListResult,
  DealRegistrationStatus,
} from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { useCan } from '../../../lib/permissions'
import { DealRegistrationListQuery, DealRegistrationQuery } from '../api/registrations'
import { RegistrationCard } from './registration-card'
import '../registrations.css'

const PAGE_SIZE = 20
const DECIDED: readonly DealRegistrationStatus[] = ['APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED']
const pick = (data: DealRegistrationListResult) => data.dealRegistrations

/** A paged list of registration cards with the given statuses. */
function RegistrationSection({
  title,
  status,
  hasConflicts,
  empty,
  linkPartner,
  refreshKey,
  onChanged,
}: {
  title: string
  status: readonly DealRegistrationStatus[] | null
  hasConflicts?: boolean
  empty: string
  linkPartner: boolean
  refreshKey?: number
  onChanged?: () => void
}) {
  const { t } = useTranslation('registrations')
  const can = useCan()
  const pages = useConnectionPages(
    DealRegistrationListQuery,
    { status: status ? [...status] : null, hasConflicts: hasConflicts ?? null, first: PAGE_SIZE },
    pick,
    { refreshKey },
  )
  const headingId = `registrations-${title.replace(/\W+/g, '-')}`
  return (
    <section className="registration-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.retry} /> : null}
      {pages.rows.length === 0 ? (
        pages.fetching ? (
          <Loading />
        ) : pages.error ? null : (
          <EmptyState title={empty} />
        )
      ) : (
        <>
          {pages.rows.map((row) => (
            <RegistrationCard
              key={row.id}
              registration={row}
              titleAsLink
              linkPartner={linkPartner}
              canDecide={can('APPROVE', 'DEAL_REGISTRATION')}
              canWithdraw={can('UPDATE', 'DEAL_REGISTRATION')}
              onChanged={onChanged ?? pages.reload}
            />
          ))}
          <LoadMore pages={pages} label={t('list.loadMore')} busyLabel={t('list.loadingMore')} />
        </>
      )}
    </section>
  )
}

/**
 * /channel/registrations: the channel manager's queue — registrations waiting for a decision
 * first (optionally only those with conflicts, kept in the address), then the decided ones. A
 * decision reloads both.
 */
export function RegistrationQueuePage() {
  const { t } = useTranslation('registrations')
  const [params, setParams] = useSearchParams()
  const onlyConflicts = params.get('conflicts') === '1'
  const [refresh, setRefresh] = useRefresh()
  return (
    <div className="page registrations-page">
      <header className="page-header">
        <div>
          <h1>{t('queue.title')}</h1>
          <p className="page-subtitle">{t('queue.subtitle')}</p>
        </div>
      </header>
      <div className="toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyConflicts}
            onChange={(event) =>
              setParams(event.target.checked ? { conflicts: '1' } : {}, { replace: true })
            }
          />
          {t('queue.onlyConflicts')}
        </label>
      </div>
      <RegistrationSection
        title={t('queue.waiting')}
        status={['SUBMITTED']}
        hasConflicts={onlyConflicts ? true : undefined}
        empty={t('queue.emptyWaiting')}
        linkPartner
        refreshKey={refresh}
        onChanged={setRefresh}
      />
      <RegistrationSection
        title={t('queue.decided')}
        status={DECIDED}
        hasConflicts={onlyConflicts ? true : undefined}
        empty={t('queue.emptyDecided')}
        linkPartner
        refreshKey={refresh}
        onChanged={setRefresh}
      />
    </div>
  )
}

/** /registrations: the partner's registrations (and its sub-dealers'), newest first, with "Register a deal". */
export function PartnerRegistrationsPage() {
  const { t } = useTranslation('registrations')
  const can = useCan()
  const [params, setParams] = useSearchParams()
  const statusParam = params.get('status') ?? ''
  const status = STATUSES.includes(statusParam as DealRegistrationStatus)
    ? (statusParam as DealRegistrationStatus)
    : null
  return (
    <div className="page registrations-page">
      <header className="page-header">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="page-subtitle">{t('list.subtitle')}</p>
        </div>
        {can('CREATE', 'DEAL_REGISTRATION') ? (
          <div className="page-actions">
            <Link to="/registrations/new" className="button button-primary">
              + {t('list.new')}
            </Link>
          </div>
        ) : null}
      </header>
      <div className="toolbar">
        <label>
          {t('list.status')}{' '}
          <select
            value={status ?? ''}
            onChange={(event) =>
              setParams(event.target.value ? { status: event.target.value } : {}, {
                replace: true,
              })
            }
          >
            <option value="">{t('list.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <RegistrationSection
        title={status ? t(`status.${status}`) : t('list.all')}
        status={status ? [status] : null}
        empty={t('list.empty')}
        linkPartner={false}
      />
    </div>
  )
}

const STATUSES: readonly DealRegistrationStatus[] = ['SUBMITTED', ...DECIDED]

/** /registrations/:id: one registration, for the channel manager and the partner alike. */
export function RegistrationPage({ linkPartner }: { linkPartner: boolean }) {
  const { t } = useTranslation('registrations')
  const can = useCan()
  const id = useParams().id ?? ''
  const [result, reexecute] = useQuery({ query: DealRegistrationQuery, variables: { id } })
  const registration = result.data?.dealRegistration
  return (
    <div className="page page-narrow registrations-page">
      <p className="breadcrumb">
        <Link to={linkPartner ? '/channel/registrations' : '/registrations'}>
          ← {linkPartner ? t('queue.title') : t('list.title')}
        </Link>
      </p>
      {result.fetching && !result.data ? (
        <Loading />
      ) : result.error && !result.data ? (
        <QueryError error={result.error} onRetry={() => reexecute()} />
      ) : !registration ? (
        <EmptyState title={t('detail.notFound')} />
      ) : (
        <RegistrationCard
          registration={registration}
          linkPartner={linkPartner}
          canDecide={can('APPROVE', 'DEAL_REGISTRATION')}
          canWithdraw={can('UPDATE', 'DEAL_REGISTRATION')}
          onChanged={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
    </div>
  )
}

/** A counter that reloads every section when one of them changed a registration. */
function useRefresh(): [number, () => void] {
  const [key, setKey] = useState(0)
  return [key, useCallback(() => setKey((n) => n + 1), [])]
}
