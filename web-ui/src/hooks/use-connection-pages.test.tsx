import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { Client, makeResult, Provider, type Exchange, type Operation } from 'urql'
import { describe, expect, it } from 'vitest'
import { filter, makeSubject, merge, pipe, tap } from 'wonka'
import { CustomerListDocument } from '../gql/graphql'
import { useConnectionPages } from './use-connection-pages'

const page = (name: string) => ({
  customers: {
    __typename: 'CustomerConnection',
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: [
      {
        __typename: 'CustomerEdge',
        cursor: 'c1',
        node: {
          __typename: 'Customer',
          id: name,
          name,
          legalName: null,
          status: 'LEAD',
          region: null,
          industry: null,
          archived: false,
          updatedAt: '2026-12-01T00:00:00Z',
          owner: null,
        },
      },
    ],
  },
})

/** A network that answers only when the test says so, and records the operations torn down. */
function slowNetwork() {
  const sent: Operation[] = []
  const tornDown: number[] = []
  const answers = makeSubject<ReturnType<typeof makeResult>>()
  const exchange: Exchange = () => (operations$) =>
    merge([
      pipe(
        operations$,
        tap((operation) => {
          if (operation.kind === 'teardown') tornDown.push(operation.key)
          else sent.push(operation)
        }),
        filter((_operation): _operation is never => false),
      ),
      answers.source,
    ])
  const client = new Client({ url: '/graphql', exchanges: [exchange] })
  const answer = (operation: Operation, search: string) =>
    act(() => answers.next(makeResult(operation, { data: page(search) })))
  return { client, sent, tornDown, answer }
}

describe('useConnectionPages', () => {
  it('cancels the request for the previous variables and never shows its late answer', async () => {
    const network = slowNetwork()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <Provider value={network.client}>{children}</Provider>
    )
    const { result, rerender } = renderHook(
      ({ search }: { search: string }) =>
        useConnectionPages(
          CustomerListDocument,
          { first: 50, withTotal: false, filter: { search } },
          (data) => data.customers,
        ),
      { wrapper, initialProps: { search: 'smi' } },
    )
    const stale = network.sent[0]!
    rerender({ search: 'smith' })
    const current = network.sent[1]!
    expect(current.variables).toMatchObject({ filter: { search: 'smith' } })
    // the stale request was torn down: urql's fetch exchange aborts its HTTP request
    expect(network.tornDown).toContain(stale.key)

    await network.answer(stale, 'smi')
    expect(result.current.rows).toEqual([])
    expect(result.current.fetching).toBe(true)

    await network.answer(current, 'smith')
    expect(result.current.rows.map((row) => row.id)).toEqual(['smith'])
    expect(result.current.fetching).toBe(false)
    // the answered request is released too, so a later cache invalidation does not refetch it
    expect(network.tornDown).toContain(current.key)
  })
})
