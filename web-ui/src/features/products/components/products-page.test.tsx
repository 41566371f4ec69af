import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { ProductsPage } from './products-page'

const product = {
  __typename: 'Product',
  id: 'p1',
  code: 'DD-CRM',
  name: 'DealerDesk CRM',
  kind: 'PROGRAM',
  licenseModel: 'PERPETUAL',
  active: true,
  editions: [{ __typename: 'ProductEdition', code: 'PRO', name: 'Professional', active: true }],
} as const

const list =
  (hasNextPage = false) =>
  () => ({
    products: {
      __typename: 'ProductConnection',
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: 'c1' },
      edges: [{ __typename: 'ProductEdge', cursor: 'c1', node: product }],
    },
  })

describe('ProductsPage', () => {
  it('lists products read-only for non-admins and filters by kind', async () => {
    const stub = createStubClient({ ProductList: list() })
    renderWithProviders(<ProductsPage canEdit={false} />, { client: stub.client })
    expect(await screen.findByRole('link', { name: 'DD-CRM' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'New product' })).not.toBeInTheDocument()
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'SERVICE')
    await waitFor(() => expect(stub.variablesOf('ProductList')).toHaveLength(2))
    expect(stub.variablesOf('ProductList')[1]).toMatchObject({ kind: 'SERVICE', after: null })
  })

  it('pages with "Load more" after the last cursor', async () => {
    const stub = createStubClient({ ProductList: list(true) })
    renderWithProviders(<ProductsPage canEdit={false} />, { client: stub.client })
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(stub.variablesOf('ProductList')).toHaveLength(2))
    expect(stub.variablesOf('ProductList')[1]).toMatchObject({ after: 'c1' })
  })

  it('shows the server’s error at the price it concerns', async () => {
    const stub = createStubClient({
      ProductList: list(),
      CreateProduct: () => ({
        createProduct: {
          __typename: 'ProductPayload',
          product: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: ['input', 'prices', '0', 'unitPrice', 'amount'],
              code: 'INVALID_VALUE',
              message: 'must be positive',
            },
          ],
        },
      }),
    })
    renderWithProviders(<ProductsPage canEdit />, { client: stub.client })
    await userEvent.click(screen.getByRole('button', { name: 'New product' }))
    await userEvent.type(screen.getByLabelText(/^Code/), 'dd-new')
    await userEvent.type(screen.getByLabelText(/^Name/), 'New program')
    await userEvent.type(screen.getByLabelText(/^Unit price/), '0')
    await userEvent.click(screen.getByRole('button', { name: 'Create product' }))
    const [variables] = stub.variablesOf('CreateProduct') as [{ input: Record<string, unknown> }]
    expect(variables.input).toMatchObject({
      code: 'DD-NEW',
      kind: 'PROGRAM',
      prices: [{ editionCode: null, tier: null, unitPrice: { amount: '0', currency: 'EUR' } }],
    })
    expect(screen.getByLabelText(/^Unit price/)).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText(/must be positive/)).toBeInTheDocument()
  })
})
