import { graphql } from '../../../gql'

/** The audit trail, newest first, narrowed by the filter (admins of the vendor only). */
export const AuditEntriesQuery = graphql(`
  query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {
    auditEntries(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          at
          kind
          actorSubject
          actorName
          clientId
          operation
          requestId
          recordType
          recordId
          recordKey
          change
          changes {
            field
            before
            after
            redacted
          }
          detail
          count
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`)
