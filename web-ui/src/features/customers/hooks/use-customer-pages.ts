import { useCallback, useEffect, useRef, useState } from 'react'
import { useClient, type CombinedError } from 'urql'
import { graphql } from '../../../gql'
import type { CustomerListQuery as CustomerListResult } from '../../../gql/graphql'
import type { CustomerListVariables } from '../utils/list-params'

export const CustomerListQuery = graphql(`
  query CustomerList(
    $first: Int!
    $after: String
    $filter: CustomerFilter
    $orderBy: CustomerOrder
    $withTotal: Boolean!
  ) {
    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount @include(if: $withTotal)
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          legalName
          status
          region
          industry
          archived
          updatedAt
          owner {
            id
            name
          }
        }
      }
    }
  }
`)

export type CustomerRow = CustomerListResult['customers']['edges'][number]['node']

export const PAGE_SIZE = 50

type Pages = {
  /** The variables these pages are for. */
  key: string
  rows: CustomerRow[]
  totalCount: number | null
  endCursor: string | null
  hasNextPage: boolean
  fetching: boolean
  error: CombinedError | null
}

const firstLoad = (key: string): Pages => ({
  key,
  rows: [],
  totalCount: null,
  endCursor: null,
  hasNextPage: false,
  fetching: true,
  error: null,
})

/**
 * Keyset-paginated customers: the first page when the variables change, the next one (`after`
 * the last cursor) on `loadMore`. Pages always come from the network so that the list shows
 * what others changed; the total is counted on the first page only.
 */
export function useCustomerPages(variables: CustomerListVariables) {
  const client = useClient()
  const key = JSON.stringify(variables)
  const [stored, setStored] = useState<Pages>(() => firstLoad(key))
  // Until the first page for new variables arrives, show a fresh first load.
  const pages = stored.key === key ? stored : firstLoad(key)
  const inFlight = useRef<string | null>(null)

  const fetchPage = useCallback(
    async (after: string | null) => {
      const request = `${key}|${after ?? ''}`
      inFlight.current = request
      const result = await client
        .query(
          CustomerListQuery,
          {
            ...(JSON.parse(key) as CustomerListVariables),
            first: PAGE_SIZE,
            after,
            withTotal: after === null,
          },
          { requestPolicy: 'network-only' },
        )
        .toPromise()
      // An answer for older variables (or a superseded page) is dropped.
      if (inFlight.current !== request) return
      inFlight.current = null
      const connection = result.data?.customers
      setStored((previous) => {
        const base = previous.key === key ? previous : firstLoad(key)
        if (!connection) return { ...base, fetching: false, error: result.error ?? null }
        const rows = connection.edges.map((edge) => edge.node)
        return {
          key,
          rows: after === null ? rows : [...base.rows, ...rows],
          totalCount: connection.totalCount ?? base.totalCount,
          endCursor: connection.pageInfo.endCursor ?? null,
          hasNextPage: connection.pageInfo.hasNextPage,
          fetching: false,
          error: null,
        }
      })
    },
    [client, key],
  )

  useEffect(() => {
    void fetchPage(null)
  }, [fetchPage])

  const { hasNextPage, endCursor, error, rows } = pages
  const loadMore = useCallback(() => {
    if (inFlight.current !== null || !hasNextPage || error) return
    setStored((previous) => ({ ...previous, fetching: true }))
    void fetchPage(endCursor)
  }, [fetchPage, hasNextPage, endCursor, error])

  const retry = useCallback(() => {
    setStored((previous) => ({ ...previous, fetching: true, error: null }))
    void fetchPage(rows.length > 0 ? endCursor : null)
  }, [fetchPage, rows.length, endCursor])

  return { ...pages, loadMore, retry }
}
