import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useClient, type CombinedError } from 'urql'
import type { ActivityFieldsFragment } from '../../../gql/graphql'

/**
 * What every list query here returns: a connection of `ActivityFields` (or, for the customer's
 * timeline, of activities and mail).
 */
export type ActivityConnection<Node = ActivityFieldsFragment> = {
  edges: readonly { node: Node }[]
  pageInfo: { hasNextPage: boolean; endCursor?: string | null }
}

type Pages<Node> = {
  /** The variables these pages are for. */
  key: string
  rows: Node[]
  endCursor: string | null
  hasNextPage: boolean
  fetching: boolean
  error: CombinedError | null
}

const firstLoad = <Node>(key: string): Pages<Node> => ({
  key,
  rows: [],
  endCursor: null,
  hasNextPage: false,
  fetching: true,
  error: null,
})

/**
 * Keyset-paginated activities from `query`: the first page when the variables change, the next
 * one (`after` the last cursor) on `loadMore`, and the first page again on `reload` (after a
 * change; the rows shown stay until the answer comes). Always from the network.
 */
export function useActivityPages<
  Data,
  Variables extends { after?: string | null },
  Node = ActivityFieldsFragment,
>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'after'>,
  pick: (data: Data) => ActivityConnection<Node> | null | undefined,
) {
  const client = useClient()
  const key = JSON.stringify(variables)
  const [stored, setStored] = useState<Pages<Node>>(() => firstLoad<Node>(key))
  const pages = stored.key === key ? stored : firstLoad<Node>(key)
  const inFlight = useRef<string | null>(null)
  const pickRef = useRef(pick)
  useEffect(() => {
    pickRef.current = pick
  })

  const fetchPage = useCallback(
    async (after: string | null) => {
      const request = `${key}|${after ?? ''}|${Date.now()}`
      inFlight.current = request
      const result = await client
        .query(query, { ...(JSON.parse(key) as object), after } as Variables, {
          requestPolicy: 'network-only',
        })
        .toPromise()
      // An answer for older variables (or a superseded request) is dropped.
      if (inFlight.current !== request) return
      inFlight.current = null
      const connection = result.data ? pickRef.current(result.data) : undefined
      setStored((previous) => {
        const base = previous.key === key ? previous : firstLoad<Node>(key)
        if (!connection) return { ...base, fetching: false, error: result.error ?? null }
        const rows = connection.edges.map((edge) => edge.node)
        return {
          key,
          rows: after === null ? rows : [...base.rows, ...rows],
          endCursor: connection.pageInfo.endCursor ?? null,
          hasNextPage: connection.pageInfo.hasNextPage,
          fetching: false,
          error: null,
        }
      })
    },
    [client, query, key],
  )

  useEffect(() => {
    void fetchPage(null)
  }, [fetchPage])

  const { hasNextPage, endCursor, error } = pages
  const loadMore = useCallback(() => {
    if (inFlight.current !== null || !hasNextPage || error) return
    setStored((previous) => ({ ...previous, fetching: true }))
    void fetchPage(endCursor)
  }, [fetchPage, hasNextPage, endCursor, error])

  const reload = useCallback(() => {
    setStored((previous) => ({ ...previous, fetching: true, error: null }))
    void fetchPage(null)
  }, [fetchPage])

  return { ...pages, loadMore, reload }
}
