import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActivityFieldsFragment, ActivityKind } from '../../../gql/graphql'
import { formatDateTime } from '../../../lib/format'
import { KIND_ICONS } from '../utils/enums'

type Reminder = NonNullable<ActivityFieldsFragment['reminder']>

/** The kind's translated name, with its symbol when asked. */
export function ActivityKindLabel({ kind, icon }: { kind: ActivityKind; icon?: boolean }) {
  const { t } = useTranslation('activities')
  return (
    <span className={`badge badge-kind kind-${kind.toLowerCase()}`}>
      {icon ? <span aria-hidden="true">{KIND_ICONS[kind]} </span> : null}
      {t(`activity.kind.${kind}`)}
    </span>
  )
}

/** Open (due when, for whom, overdue?) or done (when). */
export function ReminderState({ reminder }: { reminder: Reminder }) {
  const { t, i18n } = useTranslation('activities')
  // "now" as of the first render: the list reloads after every change anyway
  const [now] = useState(() => Date.now())
  if (reminder.done) {
    return (
      <p className="reminder-state reminder-done">
        {t('reminder.done', {
          date: formatDateTime(reminder.doneAt, i18n.language),
        })}
      </p>
    )
  }
  const overdue = new Date(reminder.dueAt).getTime() < now
  return (
    <p className={overdue ? 'reminder-state reminder-overdue' : 'reminder-state'}>
      {t('reminder.open', {
        date: formatDateTime(reminder.dueAt, i18n.language),
        name: reminder.assignee.name,
      })}
      {overdue ? <span className="badge badge-overdue">{t('reminder.overdue')}</span> : null}
      {reminder.snoozeCount > 0 ? (
        <span className="muted"> {t('reminder.snoozed', { times: reminder.snoozeCount })}</span>
      ) : null}
    </p>
  )
}
