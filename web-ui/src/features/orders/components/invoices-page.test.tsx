import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { InvoicesPage } from './invoices-page'

const invoice = (n: number) => ({
  __typename: 'InvoiceEdge',
  cursor: `c${n}`,
  node: {
    __typename: 'Invoice',
    id: `i${n}`,
    number: `INV-2026-0000${n}`,
    issuedOn: '2026-11-23',
    dueOn: '2026-12-07',
    customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
    total: { __typename: 'Money', amount: '300.00', currency: 'EUR' },
  },
})

describe('InvoicesPage', () => {
  it('lists invoices linking their pages and loads more after the last cursor', async () => {
    const stub = createStubClient({
      InvoiceList: (variables) => ({
        invoices: {
          __typename: 'InvoiceConnection',
          pageInfo: {
            __typename: 'PageInfo',
            hasNextPage: !variables.after,
            endCursor: variables.after ? 'c2' : 'c1',
          },
          edges: variables.after ? [invoice(2)] : [invoice(1)],
        },
      }),
    })
    renderWithProviders(<InvoicesPage />, {
      client: stub.client,
      route: '/invoices',
      path: '/invoices',
    })
    expect(await screen.findByRole('heading', { name: 'Invoices' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'INV-2026-00001' })).toHaveAttribute(
      'href',
      '/invoices/i1',
    )
    expect(screen.getByRole('link', { name: 'Acme' })).toHaveAttribute('href', '/customers/c1')
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findByRole('link', { name: 'INV-2026-00002' })).toHaveAttribute(
      'href',
      '/invoices/i2',
    )
    expect(screen.getByRole('link', { name: 'INV-2026-00001' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
    expect(stub.variablesOf('InvoiceList')).toEqual([
      { first: 25, after: null },
      { first: 25, after: 'c1' },
    ])
  })

  it('says when there are none', async () => {
    const stub = createStubClient({
      InvoiceList: () => ({
        invoices: {
          __typename: 'InvoiceConnection',
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: [],
        },
      }),
    })
    renderWithProviders(<InvoicesPage />, {
      client: stub.client,
      route: '/invoices',
      path: '/invoices',
    })
    expect(await screen.findByText('No invoices yet.')).toBeInTheDocument()
  })
})
