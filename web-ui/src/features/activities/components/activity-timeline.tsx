import { Fragment, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CombinedError } from 'urql'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import type { CustomerTimelineQuery, TimelineMailFieldsFragmentDoc } from '../../../gql/graphql'
import { formatDateTime } from '../../../lib/format'
import { KIND_ICONS } from '../utils/enums'
import { ActivityKindLabel, ReminderState } from './activity-parts'

/** What the timeline and the reminder lists show of an activity. */
const ActivityFields = graphql(`
  fragment ActivityFields on Activity {
    id
    kind
    subject
    notes
    outcome
    occurredAt
    version
    customer {
      id
      name
    }
    contact {
      id
      fullName
    }
    owner {
      id
      name
      vendor
    }
    reminder {
      dueAt
      done
      doneAt
      snoozeCount
      assignee {
        id
        name
        vendor
      }
    }
  }
`)

/** An entry of the customer's timeline: an activity or a mail message. */
export type TimelineEntry = CustomerTimelineQuery['customerTimeline']['edges'][number]['node']
/** Draws a mail message (read with the mail feature's fragment) as an item (`<li>`) of the timeline. */
export type RenderMail = (message: FragmentType<typeof TimelineMailFieldsFragmentDoc>) => ReactNode

type Pages = {
  rows: readonly TimelineEntry[]
  fetching: boolean
  error: CombinedError | null
  hasNextPage: boolean
  loadMore: () => void
  reload: () => void
}

/** What happened with a customer, activities and mail together, newest first, with "load more". */
export function ActivityTimeline({ pages, renderMail }: { pages: Pages; renderMail: RenderMail }) {
  const { t } = useTranslation('activities')
  const { rows, fetching, error, hasNextPage, loadMore, reload } = pages

  if (rows.length === 0) {
    if (fetching) return <Loading />
    if (error) {
      return <QueryError error={error} title={t('timeline.error')} onRetry={reload} />
    }
    return <EmptyState title={t('timeline.empty')} />
  }
  return (
    <>
      <ol className="timeline" aria-label={t('timeline.title')}>
        {rows.map((entry) =>
          entry.__typename === 'Activity' ? (
            <TimelineItem key={`activity:${entry.id}`} activity={entry} />
          ) : (
            <Fragment key={`mail:${entry.id}`}>{renderMail(entry)}</Fragment>
          ),
        )}
      </ol>
      {error ? <QueryError error={error} title={t('timeline.error')} onRetry={reload} /> : null}
      {hasNextPage ? (
        <p className="load-more">
          <button type="button" className="button" disabled={fetching} onClick={loadMore}>
            {fetching ? t('timeline.loadingMore') : t('timeline.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  )
}

function TimelineItem(props: { activity: FragmentType<typeof ActivityFields> }) {
  const { t, i18n } = useTranslation('activities')
  const activity = useFragment(ActivityFields, props.activity)
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
            <span>{t('timeline.with', { name: activity.contact.fullName })}</span>
          ) : null}
          <span>{t('timeline.by', { name: activity.owner.name })}</span>
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
