import { graphql } from '../../../gql'

// Fragments are read without masking: a query that spreads them gets the fields directly.

export const SalesUserErrorFields = graphql(`
  fragment SalesUserErrorFields on UserError {
    field
    code
    message
  }
`)

export const StageFields = graphql(`
  fragment StageFields on Stage {
    id
    name
    position
    probability
    closesAsWon
  }
`)

/** What a card on the board shows, and what moving it needs (`version`). */
export const OpportunityCardFields = graphql(`
  fragment OpportunityCardFields on Opportunity {
    id
    name
    status
    version
    expectedCloseDate
    amount {
      amount
      currency
    }
    customer {
      id
      name
    }
    owner {
      id
      name
    }
    stage {
      ...StageFields
    }
  }
`)

export const OpportunityDetailFields = graphql(`
  fragment OpportunityDetailFields on Opportunity {
    ...OpportunityCardFields
    weightedAmount {
      amount
      currency
    }
    competitors
    lostReason {
      id
      name
    }
    lostNote
    campaign {
      id
      name
    }
    createdAt
    updatedAt
    closedAt
    pipeline {
      id
      name
    }
    history {
      from {
        id
        name
      }
      to {
        id
        name
      }
      status
      changedBy {
        id
        name
      }
      changedAt
    }
  }
`)

export const QuoteFields = graphql(`
  fragment QuoteFields on Quote {
    id
    number
    status
    currency
    validUntil
    version
    createdAt
    total {
      amount
      currency
    }
    lines {
      position
      description
      quantity
      listPrice {
        amount
        currency
      }
      discountPercent
      discount {
        amount
        currency
      }
      price {
        amount
        currency
      }
    }
  }
`)

export const OpportunityLineFields = graphql(`
  fragment OpportunityLineFields on OpportunityLine {
    position
    product
    quantity
    unitPrice {
      amount
      currency
    }
    bought
  }
`)
