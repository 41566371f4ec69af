import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMutation } from 'urql'
import { TextField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type {
  ActivityFieldsFragment,
  MyRemindersQuery as MyRemindersResult,
  ReminderDue,
} from '../../../gql/graphql'
import { useFragment } from '../../../gql'
import { ActivityFieldsFragmentDoc } from '../../../gql/graphql'
import { formatDateTime } from '../../../lib/format'
import { hasCode, type UserErrorLike } from '../../../lib/user-errors'
import { CompleteReminderMutation, SnoozeReminderMutation } from '../api/mutations'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { browserTimeZone, inHours, nextWeekAt, tomorrowAt } from '../utils/datetime'
import { REMINDER_BUCKETS } from '../utils/enums'
import { ActivityKindLabel } from './activity-parts'
import { MyRemindersQuery, ReminderEventsSubscription } from '../api/reminders'
import { LiveIndicator } from '../../../components/live-indicator'
import { useLiveSubscription } from '../../../hooks/use-live-subscription'
import { useRefreshKeys } from '../../../hooks/use-refresh-keys'

export const REMINDERS_PAGE_SIZE = 50

const pickReminders = (data: MyRemindersResult) => data.myReminders

type Notice = { tone: 'info' | 'warning'; text: string }

/** /reminders: the caller's open reminders, overdue, due today and upcoming. */
export function MyReminders() {
  const { t } = useTranslation('activities')
  const [timeZone] = useState(browserTimeZone)
  // Any change may move a reminder to another bucket: every bucket reloads.
  const [refresh, setRefresh] = useState(0)
  const [notice, setNotice] = useState<Notice | null>(null)
  const changed = (next: Notice) => {
    setNotice(next)
    setRefresh((value) => value + 1)
  }
  // reminders logged, changed, due, done or snoozed anywhere (also on another device)
  const live = useRefreshKeys<'reminders'>()
  const touch = () => live.touch('reminders')
  useLiveSubscription(ReminderEventsSubscription, {}, touch, { onResync: touch })

  return (
    <div className="page reminders-page">
      <header className="page-header">
        <div>
          <div className="page-title-row">
            <h1>{t('reminders.title')}</h1>
            <LiveIndicator />
          </div>
          <p className="page-subtitle muted">{t('reminders.timeZone', { zone: timeZone })}</p>
        </div>
      </header>
      {notice ? (
        <p
          className={notice.tone === 'warning' ? 'alert alert-warning' : 'alert alert-info'}
          role={notice.tone === 'warning' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      ) : null}
      {REMINDER_BUCKETS.map((due) => (
        <ReminderBucket
          key={due}
          due={due}
          timeZone={timeZone}
          refresh={`${refresh}.${live.keys.reminders ?? 0}`}
          onChanged={changed}
        />
      ))}
    </div>
  )
}

function ReminderBucket({
  due,
  timeZone,
  refresh,
  onChanged,
}: {
  due: ReminderDue
  timeZone: string
  refresh: string
  onChanged: (notice: Notice) => void
}) {
  const { t } = useTranslation('activities')
  const pages = useConnectionPages(
    MyRemindersQuery,
    { due, timeZone, first: REMINDERS_PAGE_SIZE },
    pickReminders,
    { refreshKey: refresh },
  )
  const { rows, fetching, error, hasNextPage, loadMore, reload } = pages
  const activities = useFragment(ActivityFieldsFragmentDoc, rows)

  const titleId = `reminders-${due.toLowerCase()}`
  return (
    <section
      className={`card reminder-bucket reminder-bucket-${due.toLowerCase()}`}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>
        {t(`reminders.bucket.${due}`)}
        {rows.length > 0 ? (
          <span className="count">
            {' '}
            ({rows.length}
            {hasNextPage ? '+' : ''})
          </span>
        ) : null}
      </h2>
      {rows.length === 0 ? (
        fetching ? (
          <Loading />
        ) : error ? (
          <QueryError error={error} title={t('reminders.error')} onRetry={reload} />
        ) : (
          <EmptyState title={t(`reminders.empty.${due}`)} />
        )
      ) : (
        <>
          <ul className="reminder-list" aria-labelledby={titleId}>
            {activities.map((activity) => (
              <ReminderRow
                key={activity.id}
                activity={activity}
                overdue={due === 'OVERDUE'}
                onChanged={onChanged}
              />
            ))}
          </ul>
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
        </>
      )}
    </section>
  )
}

function ReminderRow({
  activity,
  overdue,
  onChanged,
}: {
  activity: ActivityFieldsFragment
  overdue: boolean
  onChanged: (notice: Notice) => void
}) {
  const { t, i18n } = useTranslation('activities')
  const [mode, setMode] = useState<'idle' | 'done' | 'snooze'>('idle')
  const [outcome, setOutcome] = useState('')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [completion, completeReminder] = useMutation(CompleteReminderMutation)
  const [snoozing, snoozeReminder] = useMutation(SnoozeReminderMutation)
  const busy = completion.fetching || snoozing.fetching
  const networkError = completion.error ?? snoozing.error
  const subject = activity.subject
  const dueAt = activity.reminder?.dueAt

  const handle = (
    payload: { userErrors: readonly UserErrorLike[]; activity?: unknown } | undefined,
    success: string,
  ) => {
    if (!payload) return
    if (hasCode(payload.userErrors, 'STALE_VERSION')) {
      setErrors([])
      setMode('idle')
      onChanged({ tone: 'warning', text: t('reminders.changedMeanwhile', { subject }) })
      return
    }
    if (payload.userErrors.length > 0) {
      setErrors(payload.userErrors)
      return
    }
    setErrors([])
    setMode('idle')
    onChanged({ tone: 'info', text: success })
  }

  const complete = async () => {
    const trimmed = outcome.trim()
    const response = await completeReminder({
      input: {
        activityId: activity.id,
        expectedVersion: activity.version,
        ...(trimmed ? { outcome: trimmed } : {}),
      },
    })
    handle(response.data?.completeReminder, t('reminders.completed', { subject }))
  }

  const snooze = async (until: Date) => {
    const response = await snoozeReminder({
      input: {
        activityId: activity.id,
        expectedVersion: activity.version,
        until: until.toISOString(),
      },
    })
    handle(
      response.data?.snoozeReminder,
      t('reminders.snoozedUntil', {
        subject,
        date: formatDateTime(until.toISOString(), i18n.language),
      }),
    )
  }

  return (
    <li className={overdue ? 'reminder-row reminder-overdue' : 'reminder-row'} aria-label={subject}>
      <div className="reminder-main">
        <p className="reminder-head">
          <Link
            className="reminder-customer"
            to={`/customers/${encodeURIComponent(activity.customer.id)}`}
          >
            {activity.customer.name}
          </Link>
          <ActivityKindLabel kind={activity.kind} icon />
        </p>
        <p className="reminder-subject">{subject}</p>
        <p className="muted">
          {t('reminders.due')}: <time dateTime={dueAt}>{formatDateTime(dueAt, i18n.language)}</time>
          {activity.contact ? (
            <> · {t('timeline.with', { name: activity.contact.fullName })}</>
          ) : null}
        </p>
        {networkError ? <QueryError error={networkError} /> : null}
        <FormErrors errors={errors} />
      </div>
      <div className="reminder-actions">
        {mode === 'done' ? (
          <div role="group" aria-label={t('reminders.doneTitle', { subject })}>
            <TextField label={t('reminders.outcome')} value={outcome} onChange={setOutcome} />
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={complete}
            >
              {t('reminders.markDone')}
            </button>
            <button type="button" className="button" onClick={() => setMode('idle')}>
              {t('common.cancel', { ns: 'translation' })}
            </button>
          </div>
        ) : mode === 'snooze' ? (
          <div role="group" aria-label={t('reminders.snoozeTitle', { subject })}>
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void snooze(inHours(new Date(), 1))}
            >
              {t('reminders.snoozeHour')}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void snooze(tomorrowAt(new Date(), 9))}
            >
              {t('reminders.snoozeTomorrow')}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void snooze(nextWeekAt(new Date(), 9))}
            >
              {t('reminders.snoozeNextWeek')}
            </button>
            <button type="button" className="button button-small" onClick={() => setMode('idle')}>
              {t('common.cancel', { ns: 'translation' })}
            </button>
          </div>
        ) : (
          <>
            <button type="button" className="button" onClick={() => setMode('done')}>
              {t('reminders.done')}
            </button>
            <button type="button" className="button" onClick={() => setMode('snooze')}>
              {t('reminders.snooze')}
            </button>
          </>
        )}
      </div>
    </li>
  )
}
