import { useTranslation } from 'react-i18next'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import type { ActivityFieldsFragment } from '../../../gql/graphql'
import { formatDateTime } from '../../../lib/format'
import { KIND_ICONS } from '../utils/enums'
import { ActivityKindLabel, ReminderState } from './activity-parts'
import type { useActivityPages } from '../hooks/use-activity-pages'

type Pages = ReturnType<typeof useActivityPages>

/** A customer's activities, newest first, with "load more". */
export function ActivityTimeline({ pages }: { pages: Pages }) {
  const { t } = useTranslation()
  const { rows, fetching, error, hasNextPage, loadMore, reload } = pages

  if (rows.length === 0) {
    if (fetching) return <Loading />
    if (error) {
      return <QueryError error={error} title={t('activities.timeline.error')} onRetry={reload} />
    }
    return <EmptyState title={t('activities.timeline.empty')} />
  }
  return (
    <>
      <ol className="timeline" aria-label={t('activities.timeline.title')}>
        {rows.map((activity) => (
          <TimelineItem key={activity.id} activity={activity} />
        ))}
      </ol>
      {error ? (
        <QueryError error={error} title={t('activities.timeline.error')} onRetry={reload} />
      ) : null}
      {hasNextPage ? (
        <p className="load-more">
          <button type="button" className="button" disabled={fetching} onClick={loadMore}>
            {fetching ? t('activities.timeline.loadingMore') : t('activities.timeline.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  )
}

function TimelineItem({ activity }: { activity: ActivityFieldsFragment }) {
  const { t, i18n } = useTranslation()
  return (
    <li className="timeline-item" aria-label={activity.subject}>
      <span className={`timeline-icon kind-${activity.kind.toLowerCase()}`} aria-hidden="true">
        {KIND_ICONS[activity.kind]}
      </span>
      <div className="timeline-body">
        <p className="timeline-head">
          <ActivityKindLabel kind={activity.kind} />
          <span className="timeline-subject">{activity.subject}</span>
        </p>
        <p className="timeline-meta muted">
          <time dateTime={activity.occurredAt}>
            {formatDateTime(activity.occurredAt, i18n.language)}
          </time>
          {activity.contact ? (
            <span>{t('activities.timeline.with', { name: activity.contact.fullName })}</span>
          ) : null}
          <span>{t('activities.timeline.by', { name: activity.owner.name })}</span>
        </p>
        {activity.outcome ? (
          <p className="timeline-outcome">
            <span className="timeline-label">{t('activity.field.outcome')}:</span>{' '}
            <span className="preserve-lines">{activity.outcome}</span>
          </p>
        ) : null}
        {activity.notes ? <p className="preserve-lines">{activity.notes}</p> : null}
        {activity.reminder ? <ReminderState reminder={activity.reminder} /> : null}
      </div>
    </li>
  )
}
