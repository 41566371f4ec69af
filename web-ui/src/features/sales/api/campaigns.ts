import { graphql } from '../../../gql'

export const CampaignFields = graphql(`
  fragment CampaignFields on Campaign {
    id
    name
    kind
    startsOn
    endsOn
    cost {
      amount
      currency
    }
    notes
    version
  }
`)

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
