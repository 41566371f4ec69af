import { graphql } from '../../../gql'

export const BoardOpportunitiesQuery = graphql(`
  query BoardOpportunities($pipelineId: ID!, $first: Int!) {
    opportunities(
      first: $first
      filter: { pipelineId: $pipelineId, status: [OPEN, WON] }
      orderBy: { field: UPDATED_AT, direction: DESC }
    ) {
      edges {
        node {
          ...OpportunityCardFields
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`)

export const OpportunityQuery = graphql(`
  query Opportunity($id: ID!) {
    opportunity(id: $id) {
      id
      ...OpportunityDetailFields
    }
  }
`)
