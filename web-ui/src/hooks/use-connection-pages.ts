import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useClient, type CombinedError } from 'urql'

/** The part of a Relay connection that paging needs. */
export type ConnectionLike<N> = {
  edges: readonly { node: N }[]
  pageInfo: { hasNextPage: boolean; endCursor?: string | null }
}

type Pages<N> = {
  key: string
  rows: N[]
  endCursor: string | null
  hasNextPage: boolean
  fetching: boolean
  error: CombinedError | null
}

const firstLoad = <N>(key: string): Pages<N> => ({
  key,
  rows: [],
  endCursor: null,
  hasNextPage: false,
  fetching: true,
  error: null,
})

/**
 * Any keyset connection paged with "load more": the first page when the variables change, the
 * next one (`after` the last cursor) on `loadMore`; `reload` starts again from the first page.
 * Pages come from the network, so the list shows what others changed. `select` picks the
 * connection out of the query's data.
 */
export function useConnectionPages<D, V extends { after?: string | null }, N>(
  query: TypedDocumentNode<D, V>,
  variables: Omit<V, 'after'>,
  select: (data: D) => ConnectionLike<N> | null | undefined,
  { pause = false }: { pause?: boolean } = {},
) {
  const client = useClient()
  const key = JSON.stringify(variables)
  const [stored, setStored] = useState<Pages<N>>(() => firstLoad(key))
  const pages = stored.key === key ? stored : firstLoad<N>(key)
  const inFlight = useRef<string | null>(null)
  const selectRef = useRef(select)
  useLayoutEffect(() => {
    selectRef.current = select
  })

  const fetchPage = useCallback(
    async (after: string | null) => {
      const request = `${key}|${after ?? ''}|${Math.random()}`
      inFlight.current = request
      const result = await client
        .query(query, { ...(JSON.parse(key) as Omit<V, 'after'>), after } as V, {
          requestPolicy: 'network-only',
        })
        .toPromise()
      if (inFlight.current !== request) return
      inFlight.current = null
      const connection = result.data ? selectRef.current(result.data) : undefined
      setStored((previous) => {
        const base = previous.key === key ? previous : firstLoad<N>(key)
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
    if (!pause) void fetchPage(null)
  }, [fetchPage, pause])

  const { hasNextPage, endCursor, error } = pages
  const loadMore = useCallback(() => {
    if (inFlight.current !== null || !hasNextPage || error) return
    setStored((previous) => ({ ...previous, fetching: true }))
    void fetchPage(endCursor)
  }, [fetchPage, hasNextPage, endCursor, error])

  // the rows shown stay until the first page's answer replaces them
  const reload = useCallback(() => {
    if (pause) return
    setStored((previous) => ({ ...previous, fetching: true, error: null }))
    void fetchPage(null)
  }, [fetchPage, pause])

  return { ...pages, fetching: pause ? false : pages.fetching, loadMore, reload }
}
