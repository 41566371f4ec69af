import { act, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { LICENSE_SEARCH_DELAY_MS, LicensesPage } from './licenses-page'

const license = {
  __typename: 'License',
  id: 'l1',
  serial: '7K3QF-9XG2M-0RTVB-E4N8H-C',
  name: 'DealerDesk CRM Professional',
  seats: 5,
  status: 'ACTIVE',
  startsOn: '2026-11-01',
  endsOn: null,
  issuedAt: '2026-11-01T10:00:00Z',
  customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
  key: null,
}

const page = (search: unknown) => ({
  licenses: {
    __typename: 'LicenseConnection',
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges:
      search === '7K3QF' || search === null
        ? [{ __typename: 'LicenseEdge', cursor: 'c', node: license }]
        : [],
  },
})

const flush = () => act(async () => {})

function typeInto(input: HTMLElement, text: string) {
  for (let i = 1; i <= text.length; i++) {
    fireEvent.change(input, { target: { value: text.slice(0, i) } })
  }
}

describe('LicensesPage search', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    // jsdom lays nothing out: give the scrolling table a height, so the rows in view render
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600)
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('searches as you type, once the typing pauses for 250 ms', async () => {
    const stub = createStubClient({ LicenseList: (variables) => page(variables.search) })
    renderWithProviders(<LicensesPage />, { client: stub.client })
    await flush()
    expect(stub.variablesOf('LicenseList')).toEqual([
      { search: null, status: null, first: 50, after: null },
    ])

    typeInto(screen.getByRole('searchbox', { name: 'Search licenses' }), '7K3QF')
    await act(async () => {
      vi.advanceTimersByTime(LICENSE_SEARCH_DELAY_MS - 1)
    })
    expect(stub.variablesOf('LicenseList')).toHaveLength(1)
    await act(async () => {
      vi.advanceTimersByTime(1)
    })
    await flush()
    expect(LICENSE_SEARCH_DELAY_MS).toBe(250)
    expect(stub.variablesOf('LicenseList')).toEqual([
      { search: null, status: null, first: 50, after: null },
      { search: '7K3QF', status: null, first: 50, after: null },
    ])
    expect(screen.getByRole('link', { name: license.serial })).toHaveAttribute(
      'href',
      '/licenses/l1',
    )
  })

  it('filters by status at once', async () => {
    const stub = createStubClient({ LicenseList: (variables) => page(variables.search) })
    renderWithProviders(<LicensesPage />, { client: stub.client })
    await flush()
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'REVOKED' } })
    await flush()
    expect(stub.variablesOf('LicenseList')[1]).toMatchObject({ status: 'REVOKED', search: null })
  })

  it('says why the list is empty: nothing yet, nothing matching the search, or the status', async () => {
    const stub = createStubClient({ LicenseList: () => page('nothing') })
    renderWithProviders(<LicensesPage />, { client: stub.client })
    await flush()
    expect(screen.getByText('No licenses yet.')).toBeVisible()

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'REVOKED' } })
    await flush()
    expect(screen.getByText('No licenses with this status.')).toBeVisible()

    typeInto(screen.getByRole('searchbox', { name: 'Search licenses' }), 'zzz')
    await act(async () => {
      vi.advanceTimersByTime(LICENSE_SEARCH_DELAY_MS)
    })
    await flush()
    expect(screen.getByText('No licenses match “zzz”.')).toBeVisible()
  })
})
