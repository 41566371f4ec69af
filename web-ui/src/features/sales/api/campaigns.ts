import { graphql } from '../../../gql'

/** What each campaign brought: read by the campaigns page and the dashboard's chart. */
export const CampaignReportQuery = graphql(`
  query CampaignReport {
    campaignReport {
      campaign {
        id
        name
      }
      leads
      opportunities
      won
      wonAmounts {
        amount
        currency
      }
      returnOnCost
    }
  }
`)

export const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      campaign {
        id
        name
        ...CampaignFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateCampaignMutation = graphql(`
  mutation UpdateCampaign($input: UpdateCampaignInput!) {
    updateCampaign(input: $input) {
      campaign {
        id
        name
        ...CampaignFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

/** The campaigns a deal can be attributed to; none for partners' users. */
export const DealCampaignOptionsQuery = graphql(`
  query DealCampaignOptions {
    campaigns {
      id
      name
    }
  }
`)

export const CampaignsQuery = graphql(`
  query Campaigns {
    campaigns {
      ...CampaignFields
    }
  }
`)
