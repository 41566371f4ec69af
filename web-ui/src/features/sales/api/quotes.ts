import { graphql } from '../../../gql'

export const CreateQuoteMutation = graphql(`
  mutation CreateQuote($input: CreateQuoteInput!) {
    createQuote(input: $input) {
      quote {
        ...QuoteFields
      }
      userErrors {
        ...SalesUserErrorFields
      }
    }
  }
`)

export const AcceptQuoteMutation = graphql(`
  mutation AcceptQuote($input: QuoteDecisionInput!) {
    acceptQuote(input: $input) {
      quote {
        ...QuoteFields
        opportunity {
          id
          version
          status
        }
      }
      userErrors {
        ...SalesUserErrorFields
      }
    }
  }
`)

export const DeclineQuoteMutation = graphql(`
  mutation DeclineQuote($input: QuoteDecisionInput!) {
    declineQuote(input: $input) {
      quote {
        ...QuoteFields
      }
      userErrors {
        ...SalesUserErrorFields
      }
    }
  }
`)

export const SetOpportunityLinesMutation = graphql(`
  mutation SetOpportunityLines($input: SetOpportunityLinesInput!) {
    setOpportunityLines(input: $input) {
      opportunity {
        id
        version
        lines {
          ...OpportunityLineFields
        }
      }
      userErrors {
        ...SalesUserErrorFields
      }
    }
  }
`)

/** The catalogue as a quote line picks from it: orderable products with their list prices. */
export const QuoteCatalogueQuery = graphql(`
  query QuoteCatalogue($search: String) {
    products(search: $search, first: 10) {
      edges {
        node {
          id
          code
          name
          editions {
            code
            name
            active
          }
          prices {
            editionCode
            tier
            unitPrice {
              amount
              currency
            }
          }
        }
      }
    }
  }
`)
