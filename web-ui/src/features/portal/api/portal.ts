import { graphql } from '../../../gql'

/** The partner's open pipeline by stage (scoped by the API to the partner and its sub-dealers). */
export const PortalPipelineQuery = graphql(`
  query PortalPipeline {
    pipelineReport {
      stage {
        id
        name
        position
      }
      currency
      count
      amount
    }
  }
`)

/** Licenses of the partner's customers that end within the window, soonest first. */
export const PortalRenewalsQuery = graphql(`
  query PortalRenewals($withinDays: Int!) {
    expiringLicenses(withinDays: $withinDays, first: 10) {
      edges {
        node {
          id
          serial
          endsOn
          product {
            id
            name
          }
          customer {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`)
