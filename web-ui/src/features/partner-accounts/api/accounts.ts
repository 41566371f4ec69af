import { graphql } from '../../../gql'

/** A partner's accounts, one per currency: what the account card shows of each. */
export const PartnerAccountsQuery = graphql(`
  query PartnerAccounts($partnerId: ID!) {
    partner(id: $partnerId) {
      id
      name
      accounts {
        ...PartnerAccountFields
      }
    }
  }
`)

export const PartnerAccountFields = graphql(`
  fragment PartnerAccountFields on PartnerAccount {
    id
    currency
    prepaid
    creditLimit {
      amount
      currency
    }
    balance {
      amount
      currency
    }
    version
  }
`)

export const PartnerAccountEntryFields = graphql(`
  fragment PartnerAccountEntryFields on PartnerAccountEntry {
    id
    kind
    amount {
      amount
      currency
    }
    balanceAfter {
      amount
      currency
    }
    bookedOn
    order {
      id
      number
    }
    agreement {
      id
      startsOn
      endsOn
    }
    rebateYear
    reference
    reason
  }
`)

/** The partner's agreements, for "credit rebate" (a finished year of one of them). */
export const PartnerRebateAgreementsQuery = graphql(`
  query PartnerRebateAgreements($partnerId: ID!) {
    partner(id: $partnerId) {
      id
      agreements {
        id
        startsOn
        endsOn
        currency
      }
    }
  }
`)

export const PartnerAccountStatementQuery = graphql(`
  query PartnerAccountStatement($id: ID!, $from: Date!, $to: Date!) {
    node(id: $id) {
      id
      ... on PartnerAccount {
        statement(from: $from, to: $to) {
          from
          to
          openingBalance {
            amount
            currency
          }
          entries {
            ...PartnerAccountEntryFields
          }
          closingBalance {
            amount
            currency
          }
          credits {
            amount
            currency
          }
          debits {
            amount
            currency
          }
        }
      }
    }
  }
`)

export const PartnerAccountEntriesQuery = graphql(`
  query PartnerAccountEntries($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      id
      ... on PartnerAccount {
        entries(first: $first, after: $after) {
          edges {
            node {
              ...PartnerAccountEntryFields
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`)

export const OpenPartnerAccountMutation = graphql(`
  mutation OpenPartnerAccount($input: OpenPartnerAccountInput!) {
    openPartnerAccount(input: $input) {
      account {
        ...PartnerAccountFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdatePartnerAccountMutation = graphql(`
  mutation UpdatePartnerAccount($input: UpdatePartnerAccountInput!) {
    updatePartnerAccount(input: $input) {
      account {
        ...PartnerAccountFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RecordPartnerPaymentMutation = graphql(`
  mutation RecordPartnerPayment($input: RecordPartnerPaymentInput!) {
    recordPartnerPayment(input: $input) {
      entry {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const AdjustPartnerAccountMutation = graphql(`
  mutation AdjustPartnerAccount($input: AdjustPartnerAccountInput!) {
    adjustPartnerAccount(input: $input) {
      entry {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const CreditPartnerRebateMutation = graphql(`
  mutation CreditPartnerRebate($input: CreditPartnerRebateInput!) {
    creditPartnerRebate(input: $input) {
      entry {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

/** Every partner's accounts, for the vendor's accountants. */
export const PartnerAccountListQuery = graphql(`
  query PartnerAccountList($first: Int!, $after: String) {
    partnerAccounts(first: $first, after: $after) {
      edges {
        node {
          id
          ...PartnerAccountFields
          partner {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`)
