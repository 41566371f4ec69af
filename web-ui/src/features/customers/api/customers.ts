import { graphql } from '../../../gql'

export const CustomerQuery = graphql(`
  query Customer($id: ID!) {
    customer(id: $id) {
      ...CustomerFields
    }
  }
`)

/** A page of the customer list; the total is counted on the first page only. */
export const CustomerListQuery = graphql(`
  query CustomerList(
    $first: Int!
    $after: String
    $filter: CustomerFilter
    $orderBy: CustomerOrder
    $withTotal: Boolean!
  ) {
    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount @include(if: $withTotal)
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          legalName
          status
          region
          industry
          archived
          updatedAt
          owner {
            id
            name
            vendor
          }
        }
      }
    }
  }
`)
