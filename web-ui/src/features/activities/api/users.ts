import { useQuery } from 'urql'
import { graphql } from '../../../gql'

/** Colleagues a manager may remind (the server checks that they are in the manager's team). */
export const ReminderAssigneesQuery = graphql(`
  query ReminderAssignees {
    users {
      id
      name
    }
  }
`)

export function useReminderAssignees({ pause }: { pause: boolean }) {
  const [result] = useQuery({ query: ReminderAssigneesQuery, pause })
  return { users: result.data?.users ?? [], fetching: result.fetching, error: result.error }
}
