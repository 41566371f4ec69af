import { useQuery } from 'urql'
import { graphql } from '../../gql'

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      subject
      roles
      user {
        id
        name
      }
      partner {
        id
        name
      }
      permissions {
        action
        subject
      }
    }
  }
`)

/**
 * Who the API says the caller is: name, roles, for partner users their partner, and what they may
 * change (`permissions`, the API's own rules: the app shows only actions the API will accept).
 */
export function useViewer() {
  const [result, reexecute] = useQuery({ query: ViewerQuery })
  return { viewer: result.data?.viewer, fetching: result.fetching, error: result.error, reexecute }
}
