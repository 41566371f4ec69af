import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import type { TeamOverdueRemindersQuery as TeamOverdueResult } from '../../../gql/graphql'
import { useFragment } from '../../../gql'
import { ActivityFieldsFragmentDoc } from '../../../gql/graphql'
import { formatDateTime } from '../../../lib/format'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { ActivityKindLabel } from './activity-parts'
import { TeamOverdueRemindersQuery } from '../api/reminders'

const pickTeamOverdue = (data: TeamOverdueResult) => data.teamOverdueReminders

/** /team: overdue follow-ups of everyone in the manager's team, oldest first. */
export function TeamReminders() {
  const { t, i18n } = useTranslation('activities')
  const { rows, fetching, error, hasNextPage, loadMore, reload } = useConnectionPages(
    TeamOverdueRemindersQuery,
    { first: 50 },
    pickTeamOverdue,
  )
  const activities = useFragment(ActivityFieldsFragmentDoc, rows)

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('team.title')}</h1>
          <p className="page-subtitle muted">{t('team.intro')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button" disabled={fetching} onClick={reload}>
            {t('team.refresh')}
          </button>
        </div>
      </header>
      {rows.length === 0 ? (
        fetching ? (
          <Loading />
        ) : error ? (
          <QueryError error={error} title={t('reminders.error')} onRetry={reload} />
        ) : (
          <EmptyState title={t('team.empty')} />
        )
      ) : (
        <section className="card">
          <table className="table">
            <caption className="visually-hidden">{t('team.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('team.due')}</th>
                <th scope="col">{t('team.assignee')}</th>
                <th scope="col">{t('team.customer')}</th>
                <th scope="col">{t('activity.field.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {activities.map((activity) => (
                <tr key={activity.id}>
                  <td>
                    <time dateTime={activity.reminder?.dueAt}>
                      {formatDateTime(activity.reminder?.dueAt, i18n.language)}
                    </time>
                  </td>
                  <td>{activity.reminder?.assignee.name}</td>
                  <td>
                    <Link to={`/customers/${encodeURIComponent(activity.customer.id)}`}>
                      {activity.customer.name}
                    </Link>
                  </td>
                  <td>
                    <ActivityKindLabel kind={activity.kind} /> {activity.subject}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {error ? (
            <QueryError error={error} title={t('reminders.error')} onRetry={reload} />
          ) : null}
          {hasNextPage ? (
            <p className="load-more">
              <button type="button" className="button" disabled={fetching} onClick={loadMore}>
                {fetching ? t('timeline.loadingMore') : t('timeline.loadMore')}
              </button>
            </p>
          ) : null}
        </section>
      )}
    </div>
  )
}
