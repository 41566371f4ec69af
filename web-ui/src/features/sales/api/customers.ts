import { graphql } from '../../../gql'

export const DealCustomerOptionsQuery = graphql(`
  query DealCustomerOptions($search: String) {
    customers(first: 20, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`)
