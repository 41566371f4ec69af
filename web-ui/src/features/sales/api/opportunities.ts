import { graphql } from '../../../gql'

/** One column of the board: a stage's open and won deals, most recently updated first, paged. */
export const BoardStageDealsQuery = graphql(`
  query BoardStageDeals($pipelineId: ID!, $stageId: ID!, $first: Int!, $after: String) {
    opportunities(
      first: $first
      after: $after
      filter: { pipelineId: $pipelineId, stageIds: [$stageId], status: [OPEN, WON] }
      orderBy: { field: UPDATED_AT, direction: DESC }
    ) {
      edges {
        node {
          ...OpportunityCardFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
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

/** Each deal of the pipeline after someone created or changed it, as the board shows it. */
export const PipelineChangedSubscription = graphql(`
  subscription PipelineChanged($pipelineId: ID!) {
    pipelineChanged(pipelineId: $pipelineId) {
      ...OpportunityCardFields
    }
  }
`)

/** That the deal changed, and to which version: the deal page then fetches it again. */
export const OpportunityChangedSubscription = graphql(`
  subscription OpportunityChanged($id: ID!) {
    opportunityChanged(id: $id) {
      id
      version
    }
  }
`)
