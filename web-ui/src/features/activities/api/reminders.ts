import { graphql } from '../../../gql'

export const MyRemindersQuery = graphql(`
  query MyReminders($due: ReminderDue!, $timeZone: String!, $first: Int!, $after: String) {
    myReminders(due: $due, timeZone: $timeZone, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ActivityFields
        }
      }
    }
  }
`)

export const TeamOverdueRemindersQuery = graphql(`
  query TeamOverdueReminders($first: Int!, $after: String) {
    teamOverdueReminders(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ActivityFields
        }
      }
    }
  }
`)

/** Changes to reminders the caller may see; the list reloads on each (types in docs/events.md). */
export const ReminderEventsSubscription = graphql(`
  subscription ReminderEvents {
    events(
      types: [ACTIVITY_LOGGED, ACTIVITY_UPDATED, REMINDER_DUE, REMINDER_COMPLETED, REMINDER_SNOOZED]
    ) {
      position
    }
  }
`)
