import { graphql } from '../../../gql'

export const SearchMailQuery = graphql(`
  query SearchMail($query: String!, $customerId: ID, $first: Int!) {
    searchMail(query: $query, customerId: $customerId, first: $first) {
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          ...MailFields
        }
      }
    }
  }
`)

export const ImportMailMutation = graphql(`
  mutation ImportMail($input: ImportMailInput!) {
    importMail(input: $input) {
      alreadyImported
      mail {
        id
        subject
        ...MailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)
