import { graphql } from '../../../gql'

export const CreateQuoteMutation = graphql(`
  mutation CreateQuote($input: CreateQuoteInput!) {
    createQuote(input: $input) {
      quote {
        id
        documentNumber
        ...QuoteFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const AcceptQuoteMutation = graphql(`
  mutation AcceptQuote($input: QuoteDecisionInput!) {
    acceptQuote(input: $input) {
      quote {
        id
        number
        ...QuoteFields
        opportunity {
          id
          version
          status
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DeclineQuoteMutation = graphql(`
  mutation DeclineQuote($input: QuoteDecisionInput!) {
    declineQuote(input: $input) {
      quote {
        id
        number
        ...QuoteFields
      }
      userErrors {
        field
        code
        message
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
        field
        code
        message
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
