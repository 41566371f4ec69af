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
    }
  }
`)

/** Who the API says the caller is: name, roles and, for partner users, their partner. */
export function useViewer() {
  const [result, reexecute] = useQuery({ query: ViewerQuery })
  return { viewer: result.data?.viewer, fetching: result.fetching, error: result.error, reexecute }
}
