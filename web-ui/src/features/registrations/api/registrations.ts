import { graphql } from '../../../gql'

/** The channel manager's queue and the partner's own list: newest first, by status. */
export const DealRegistrationListQuery = graphql(`
  query DealRegistrationList(
    $status: [DealRegistrationStatus!]
    $hasConflicts: Boolean
    $first: Int!
    $after: String
  ) {
    dealRegistrations(status: $status, hasConflicts: $hasConflicts, first: $first, after: $after) {
      edges {
        node {
          id
          ...RegistrationCardFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`)

export const DealRegistrationQuery = graphql(`
  query DealRegistration($id: ID!) {
    dealRegistration(id: $id) {
      id
      ...RegistrationCardFields
    }
  }
`)

/** The partner's customers, by name, for "register a deal". */
export const RegistrationCustomerSearchQuery = graphql(`
  query RegistrationCustomerSearch($search: String!) {
    customers(first: 10, filter: { search: $search }) {
      edges {
        node {
          id
          name
          taxId
          region
          industry
        }
      }
    }
  }
`)

/** Orderable products of the catalogue, by code or name. */
export const RegistrationProductSearchQuery = graphql(`
  query RegistrationProductSearch($search: String!) {
    products(search: $search, first: 10) {
      edges {
        node {
          id
          code
          name
          editions {
            code
            name
          }
        }
      }
    }
  }
`)

export const SubmitDealRegistrationMutation = graphql(`
  mutation SubmitDealRegistration($input: SubmitDealRegistrationInput!) {
    submitDealRegistration(input: $input) {
      registration {
        id
        number
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ApproveDealRegistrationMutation = graphql(`
  mutation ApproveDealRegistration($input: ApproveDealRegistrationInput!) {
    approveDealRegistration(input: $input) {
      registration {
        id
        ...RegistrationCardFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RejectDealRegistrationMutation = graphql(`
  mutation RejectDealRegistration($input: RejectDealRegistrationInput!) {
    rejectDealRegistration(input: $input) {
      registration {
        id
        ...RegistrationCardFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const WithdrawDealRegistrationMutation = graphql(`
  mutation WithdrawDealRegistration($input: DecideDealRegistrationInput!) {
    withdrawDealRegistration(input: $input) {
      registration {
        id
        ...RegistrationCardFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

/** The partner's sub-dealers, whom it may register a deal for. */
export const RegistrationSubDealersQuery = graphql(`
  query RegistrationSubDealers($partnerId: ID!) {
    partners(parentId: $partnerId, status: [ACTIVE], first: 50) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`)
