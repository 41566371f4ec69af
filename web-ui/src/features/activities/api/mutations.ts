import { graphql } from '../../../gql'

export const LogActivityMutation = graphql(`
  mutation LogActivity($input: LogActivityInput!) {
    logActivity(input: $input) {
      activity {
        ...ActivityFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const CompleteReminderMutation = graphql(`
  mutation CompleteReminder($input: CompleteReminderInput!) {
    completeReminder(input: $input) {
      activity {
        ...ActivityFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const SnoozeReminderMutation = graphql(`
  mutation SnoozeReminder($input: SnoozeReminderInput!) {
    snoozeReminder(input: $input) {
      activity {
        ...ActivityFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)
