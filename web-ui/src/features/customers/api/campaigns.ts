import { useQuery } from 'urql'
import { graphql } from '../../../gql'

/** The campaigns a customer can be attributed to; none for partners' users. */
export const CustomerCampaignOptionsQuery = graphql(`
  query CustomerCampaignOptions {
    campaigns {
      id
      name
    }
  }
`)

/** The campaigns to offer as "Source campaign": an empty list hides the choice. */
export function useCampaignOptions() {
  const [result] = useQuery({ query: CustomerCampaignOptionsQuery })
  return { campaigns: result.data?.campaigns ?? [] }
}
