// English: the reference catalogue of the activities feature (i18next namespace `activities`). zh-CN
// and ru must have exactly the same keys (checked by the compiler through `ActivitiesMessages` and
// by src/lib/i18n.test.ts).
import type { Catalogue } from '../../../lib/locales/catalogue'

export const en = {
  timeline: {
    title: 'Timeline',
    empty: 'No activities or mail yet.',
    error: 'The timeline could not be loaded.',
    loadMore: 'Load more',
    loadingMore: 'Loading more…',
    with: 'with {{name}}',
    by: 'logged by {{name}}',
  },
  reminder: {
    open: 'Follow-up for {{name}}, due {{date}}',
    done: 'Follow-up done {{date}}',
    overdue: 'Overdue',
    snoozed: 'snoozed {{times}}×',
  },
  log: {
    title: 'Log activity',
    open: 'Log activity',
    submit: 'Save activity',
    problems: 'The activity was not saved:',
    noContact: '— no contact —',
    followUp: 'Follow-up reminder',
    addFollowUp: 'Add a follow-up reminder',
    removeFollowUp: 'Remove the follow-up',
    dueAt: 'Due',
    quickDue: 'Quick choices',
    in3Days: 'In 3 days',
    in7Days: 'In 7 days',
    assignee: 'Remind',
    me: 'Me',
    logged: 'The activity was logged.',
  },
  reminders: {
    title: 'My reminders',
    timeZone: 'Times in {{zone}}',
    bucket: {
      OVERDUE: 'Overdue',
      TODAY: 'Today',
      UPCOMING: 'Upcoming',
    },
    empty: {
      OVERDUE: 'Nothing overdue.',
      TODAY: 'Nothing else is due today.',
      UPCOMING: 'Nothing upcoming.',
    },
    error: 'The reminders could not be loaded.',
    due: 'Due',
    done: 'Done',
    doneTitle: 'Mark “{{subject}}” as done',
    outcome: 'Outcome (optional)',
    markDone: 'Mark as done',
    snooze: 'Snooze',
    snoozeTitle: 'Snooze “{{subject}}”',
    snoozeHour: 'For 1 hour',
    snoozeTomorrow: 'Tomorrow, 9:00',
    snoozeNextWeek: 'Next week (Monday, 9:00)',
    completed: '“{{subject}}” is done.',
    snoozedUntil: '“{{subject}}” moved to {{date}}.',
    changedMeanwhile: '“{{subject}}” was changed meanwhile — reloaded.',
  },
  team: {
    title: 'Team follow-ups',
    intro: 'Overdue follow-ups of everyone in your team, oldest first.',
    empty: 'No overdue follow-ups in your team.',
    refresh: 'Refresh',
    due: 'Due',
    assignee: 'Assignee',
    customer: 'Customer',
  },
  activity: {
    kind: {
      CALL: 'Call',
      MEETING: 'Meeting',
      DEMO: 'Demo',
      VISIT: 'Visit',
      EMAIL: 'E-mail',
      TASK: 'Task',
    },
    field: {
      kind: 'Type',
      subject: 'Subject',
      contact: 'Contact',
      occurredAt: 'When',
      notes: 'Notes',
      outcome: 'Outcome',
    },
  },
}

/** The shape every language must fill in. */
export type ActivitiesMessages = Catalogue<typeof en>
