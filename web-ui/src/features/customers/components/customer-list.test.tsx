import { act, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CustomerListQuery } from '../../../gql/graphql'
import type { Permission } from '../../../lib/permissions'
import { ACCOUNTANT_PERMISSIONS } from '../../../testing/permissions'
import { createStubClient } from '../../../testing/urql'
import { renderWithProviders } from '../../../testing/render'
import { CustomerList, SEARCH_DEBOUNCE_MS } from './customer-list'

const emptyPage = {
  customers: {
    __typename: 'CustomerConnection',
    totalCount: 0,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: [],
  },
}

function setUp(route = '/customers') {
  const stub = createStubClient({
    AssignableUsers: () => ({ users: [] }),
    CustomerList: () => emptyPage,
  })
  renderWithProviders(<CustomerList />, { client: stub.client, route, path: '/customers' })
  return stub
}

const flush = () => act(async () => {})

/** One change event per keystroke, as a person typing quickly (fake timers do not move). */
function typeInto(input: HTMLElement, text: string) {
  const start = (input as HTMLInputElement).value
  for (let i = 1; i <= text.length; i++) {
    fireEvent.change(input, { target: { value: start + text.slice(0, i) } })
  }
}

describe('CustomerList search', () => {
  beforeEach(() => {
    // only the timers: React and urql keep their own scheduling
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('asks for the typed search once, after the pause, not for every keystroke', async () => {
    const stub = setUp()
    await flush()
    expect(stub.variablesOf('CustomerList')).toEqual([
      {
        first: 50,
        after: null,
        withTotal: true,
        filter: {},
        orderBy: { field: 'NAME', direction: 'ASC' },
      },
    ])

    typeInto(screen.getByRole('searchbox', { name: 'Search' }), 'smith')
    await act(async () => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1)
    })
    expect(stub.variablesOf('CustomerList')).toHaveLength(1)

    await act(async () => {
      vi.advanceTimersByTime(1)
    })
    await flush()
    const calls = stub.variablesOf('CustomerList')
    expect(calls).toHaveLength(2)
    expect(calls[1]).toEqual({
      first: 50,
      after: null,
      withTotal: true,
      filter: { search: 'smith' },
      orderBy: { field: 'NAME', direction: 'ASC' },
    })
    expect(screen.getByTestId('location')).toHaveTextContent('/customers?q=smith')
  })

  it('debounces the text filters together with the search and keeps the others', async () => {
    const stub = setUp('/customers?status=CUSTOMER&status=LOST&archived=1&sort=UPDATED_AT&dir=DESC')
    await flush()
    typeInto(screen.getByRole('searchbox', { name: 'Search' }), 'a')
    typeInto(screen.getByRole('textbox', { name: 'Region' }), ' North ')
    await act(async () => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    })
    await flush()
    const calls = stub.variablesOf('CustomerList')
    expect(calls).toHaveLength(2)
    expect(calls[1]).toEqual({
      first: 50,
      after: null,
      withTotal: true,
      // one character is too short to search with: left out
      filter: { status: ['CUSTOMER', 'LOST'], region: 'North', includeArchived: true },
      orderBy: { field: 'UPDATED_AT', direction: 'DESC' },
    })
    expect(screen.getByText('Type at least 2 characters to search.')).toBeVisible()
  })

  it('says the list is empty because there are no customers yet', async () => {
    setUp()
    await flush()
    expect(screen.getByText('No customers yet.')).toBeVisible()
    expect(screen.getByText('Found: 0')).toBeVisible()
  })

  it('says nothing matches the search, naming it', async () => {
    setUp('/customers?q=%20smith%20&region=North')
    await flush()
    expect(screen.getByText('No customers match “smith”.')).toBeVisible()
  })

  it('says nothing passes the filters when there is no search', async () => {
    setUp('/customers?region=North')
    await flush()
    expect(screen.getByText('No customers with these filters.')).toBeVisible()
  })

  it('in Russian too', async () => {
    const stub = createStubClient({
      AssignableUsers: () => ({ users: [] }),
      CustomerList: () => emptyPage,
    })
    renderWithProviders(<CustomerList />, {
      client: stub.client,
      route: '/customers?q=smith',
      path: '/customers',
      language: 'ru',
    })
    await flush()
    expect(screen.getByText('Нет клиентов по запросу «smith».')).toBeVisible()
  })
})

describe('CustomerList actions', () => {
  const renderFor = (permissions: readonly Permission[]) => {
    const page: CustomerListQuery = emptyPage
    const stub = createStubClient({
      AssignableUsers: () => ({ users: [] }),
      CustomerList: () => page,
    })
    renderWithProviders(<CustomerList />, {
      client: stub.client,
      route: '/customers',
      path: '/customers',
      permissions,
    })
  }

  it('offers "New customer" to those who may create customers', () => {
    renderFor([{ action: 'CREATE', subject: 'CUSTOMER' }])
    expect(screen.getByRole('link', { name: '+ New customer' })).toHaveAttribute(
      'href',
      '/customers/new',
    )
  })

  it('shows an accountant no "New customer"', () => {
    renderFor(ACCOUNTANT_PERMISSIONS)
    expect(screen.getByRole('heading', { name: 'Customers' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: /New customer/ })).not.toBeInTheDocument()
  })
})
