import { graphql } from '../../../gql'

// Mail entries are read with `TimelineMailFields`, the mail feature's fragment (by name: codegen
// sees every document), and drawn by the `renderMail` the app passes in.
export const CustomerTimelineQuery = graphql(`
  query CustomerTimeline($customerId: ID!, $first: Int!, $after: String) {
    customerTimeline(customerId: $customerId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        at
        node {
          __typename
          ... on Activity {
            id
            ...ActivityFields
          }
          ... on MailMessage {
            id
            ...TimelineMailFields
          }
        }
      }
    }
  }
`)
