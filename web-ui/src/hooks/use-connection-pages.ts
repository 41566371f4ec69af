import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useClient, type CombinedError } from 'urql'
import { useReloadOn } from './use-reload-on'

/** The part of a Relay connection that paging needs. */
export type ConnectionLike<N> = {
  edges: readonly { node: N }[]
  pageInfo: { hasNextPage: boolean; endCursor?: string | null }
}

type NodeOf<C> = C extends { edges: readonly { node: infer N }[] } ? N : never

type Pages<N, C> = {
  key: string
  rows: N[]
  /** The first page's connection, for what only it carries (e.g. `totalCount`). */
  firstPage: C | null
  endCursor: string | null
  hasNextPage: boolean
  fetching: boolean
  error: CombinedError | null
}

const firstLoad = <N, C>(key: string): Pages<N, C> => ({
  key,
  rows: [],
  firstPage: null,
  endCursor: null,
  hasNextPage: false,
  fetching: true,
  error: null,
})

/**
 * Any keyset connection paged with "load more" — the one way the app pages a list: the first
 * page when the variables change, the next one (`after` the last cursor) on `loadMore`; `retry`
 * asks again for the page that failed; `reload` starts again from the first page. Pages come
 * from the network, so the list shows what others changed. `select` picks the connection out of
 * the query's data; `pageVariables` adds what differs between pages (e.g. counting the total on
 * the first page only); a change of `refreshKey` reloads, e.g. when the page learnt that the list
 * changed.
 */
export function useConnectionPages<
  D,
  V extends { after?: string | null },
  C extends ConnectionLike<unknown>,
  N = NodeOf<C>,
>(
  query: TypedDocumentNode<D, V>,
  variables: Omit<V, 'after'>,
  select: (data: D) => C | null | undefined,
  {
    pause = false,
    pageVariables,
    refreshKey,
  }: {
    pause?: boolean
    pageVariables?: (after: string | null) => Partial<V>
    refreshKey?: string | number
  } = {},
) {
  const client = useClient()
  const key = JSON.stringify(variables)
  const [stored, setStored] = useState<Pages<N, C>>(() => firstLoad(key))
  const pages = stored.key === key ? stored : firstLoad<N, C>(key)
  const inFlight = useRef<string | null>(null)
  const selectRef = useRef(select)
  const pageVariablesRef = useRef(pageVariables)
  useLayoutEffect(() => {
    selectRef.current = select
    pageVariablesRef.current = pageVariables
  })

  // The request on its way; a newer one (or leaving the page) unsubscribes it, and urql's fetch
  // exchange then aborts the HTTP request: typing ahead does not queue stale searches.
  const running = useRef<{ unsubscribe: () => void } | null>(null)
  const fetchPage = useCallback(
    (after: string | null) => {
      running.current?.unsubscribe()
      const request = `${key}|${after ?? ''}|${Math.random()}`
      inFlight.current = request
      let answered = false
      let subscription: { unsubscribe: () => void } | null = null
      subscription = client
        .query(
          query,
          {
            ...(JSON.parse(key) as Omit<V, 'after'>),
            after,
            ...pageVariablesRef.current?.(after),
          } as V,
          { requestPolicy: 'network-only' },
        )
        .subscribe((result) => {
          // the first answer only: a cache invalidation would bring the same page again
          if (answered || inFlight.current !== request) return
          answered = true
          subscription?.unsubscribe()
          inFlight.current = null
          running.current = null
          const connection = result.data ? selectRef.current(result.data) : undefined
          setStored((previous) => {
            const base = previous.key === key ? previous : firstLoad<N, C>(key)
            if (!connection) return { ...base, fetching: false, error: result.error ?? null }
            const rows = connection.edges.map((edge) => edge.node as N)
            return {
              key,
              rows: after === null ? rows : [...base.rows, ...rows],
              firstPage: after === null ? connection : base.firstPage,
              endCursor: connection.pageInfo.endCursor ?? null,
              hasNextPage: connection.pageInfo.hasNextPage,
              fetching: false,
              error: null,
            }
          })
        })
      if (answered) subscription.unsubscribe()
      else running.current = subscription
    },
    [client, query, key],
  )

  useEffect(
    () => () => {
      running.current?.unsubscribe()
      running.current = null
      inFlight.current = null
    },
    [],
  )

  useEffect(() => {
    if (!pause) fetchPage(null)
  }, [fetchPage, pause])

  const { hasNextPage, endCursor, error, rows } = pages
  const loadMore = useCallback(() => {
    if (inFlight.current !== null || !hasNextPage || error) return
    setStored((previous) => ({ ...previous, fetching: true }))
    fetchPage(endCursor)
  }, [fetchPage, hasNextPage, endCursor, error])

  // the rows shown stay until the first page's answer replaces them
  const reload = useCallback(() => {
    if (pause) return
    setStored((previous) => ({ ...previous, fetching: true, error: null }))
    fetchPage(null)
  }, [fetchPage, pause])

  useReloadOn(refreshKey, reload)

  const retry = useCallback(() => {
    if (pause) return
    setStored((previous) => ({ ...previous, fetching: true, error: null }))
    fetchPage(rows.length > 0 ? endCursor : null)
  }, [fetchPage, pause, rows.length, endCursor])

  return { ...pages, fetching: pause ? false : pages.fetching, loadMore, retry, reload }
}
