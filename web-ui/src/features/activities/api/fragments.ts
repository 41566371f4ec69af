import { graphql } from '../../../gql'

// Read without masking: a query that spreads this fragment gets the fields directly.

/** What the timeline and the reminder lists show of an activity. */
export const ActivityFields = graphql(`
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
    }
    reminder {
      dueAt
      done
      doneAt
      snoozeCount
      assignee {
        id
        name
      }
    }
  }
`)
