import { graphql } from '../../../gql'

export const CreateOpportunityMutation = graphql(`
  mutation CreateOpportunity($input: CreateOpportunityInput!) {
    createOpportunity(input: $input) {
      opportunity {
        ...OpportunityCardFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateOpportunityMutation = graphql(`
  mutation UpdateOpportunity($input: UpdateOpportunityInput!) {
    updateOpportunity(input: $input) {
      opportunity {
        ...OpportunityDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const MoveOpportunityMutation = graphql(`
  mutation MoveOpportunity($input: MoveOpportunityInput!) {
    moveOpportunity(input: $input) {
      opportunity {
        ...OpportunityCardFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const MarkOpportunityLostMutation = graphql(`
  mutation MarkOpportunityLost($input: MarkOpportunityLostInput!) {
    markOpportunityLost(input: $input) {
      opportunity {
        ...OpportunityCardFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)
