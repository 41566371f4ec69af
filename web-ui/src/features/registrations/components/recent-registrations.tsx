import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Loading, QueryError } from '../../../components/status'
import { useFragment } from '../../../gql'
import {
  RegistrationCardFieldsFragmentDoc,
  type DealRegistrationListQuery as DealRegistrationListResult,
} from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { formatDate } from '../../../lib/format'
import { DealRegistrationListQuery } from '../api/registrations'
import '../registrations.css'

const pick = (data: DealRegistrationListResult) => data.dealRegistrations

/** The partner's latest registrations with their status (and a rejection's reason), for its dashboard. */
export function RecentRegistrationsCard() {
  const { t, i18n } = useTranslation('registrations')
  const pages = useConnectionPages(
    DealRegistrationListQuery,
    { status: null, hasConflicts: null, first: 5 },
    pick,
  )
  const registrations = useFragment(RegistrationCardFieldsFragmentDoc, pages.rows)
  return (
    <section className="card" aria-labelledby="recent-registrations">
      <header className="card-header">
        <h2 id="recent-registrations">{t('list.title')}</h2>
        <Link to="/registrations/new" className="button button-small">
          + {t('list.new')}
        </Link>
      </header>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.retry} /> : null}
      {pages.fetching && pages.rows.length === 0 ? (
        <Loading />
      ) : registrations.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <ul className="recent-registrations">
          {registrations.map((registration) => (
            <li key={registration.id}>
              <Link to={`/registrations/${encodeURIComponent(registration.id)}`}>
                {registration.number}
              </Link>{' '}
              {registration.customer?.name ?? registration.customerName}{' '}
              <span className={`badge registration-status-${registration.status}`}>
                {t(`status.${registration.status}`)}
              </span>{' '}
              <span className="muted">{formatDate(registration.submittedAt, i18n.language)}</span>
              {registration.status === 'REJECTED' && registration.rejectionReason ? (
                <p className="rejection-reason">
                  {t('recent.reason', { reason: registration.rejectionReason })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/registrations">{t('recent.all')}</Link>
      </p>
    </section>
  )
}
