import { useQuery } from 'urql'
import { graphql } from '../../../gql'

/** The sales users the caller may assign customers to or share them with. */
export const AssignableUsersQuery = graphql(`
  query AssignableUsers {
    users {
      id
      name
    }
  }
`)

export function useAssignableUsers() {
  const [result] = useQuery({ query: AssignableUsersQuery })
  return { users: result.data?.users ?? [], fetching: result.fetching, error: result.error }
}
