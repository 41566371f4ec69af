import { graphql } from '../../../gql'

export const PartnerPerformanceQuery = graphql(`
  query PartnerPerformance($from: Date!, $to: Date!, $currency: String!, $partnerId: ID) {
    partnerPerformance(from: $from, to: $to, currency: $currency, partnerId: $partnerId) {
      from
      to
      currency
      byPartner {
        partner {
          id
        }
        ...PerformanceRowFields
      }
      byRegion {
        region
        sales {
          amount
          currency
        }
        orders
      }
      byProduct {
        product {
          id
          code
          name
        }
        sales {
          amount
          currency
        }
        quantity
      }
      total {
        ...PerformanceRowFields
      }
    }
  }
`)

/** The currencies of a partner's agreements, latest first: its rebate is counted in one of them. */
export const PartnerAgreementCurrenciesQuery = graphql(`
  query PartnerAgreementCurrencies($partnerId: ID!) {
    partner(id: $partnerId) {
      id
      agreements {
        id
        currency
      }
    }
  }
`)
