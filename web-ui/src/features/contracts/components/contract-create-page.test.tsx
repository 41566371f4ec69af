import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { ContractCreatePage } from './contract-create-page'

const acme = { __typename: 'Customer', id: 'c1', name: 'Acme' }

// typing into several fields takes a few seconds on a busy machine
describe('ContractCreatePage', { timeout: 20_000 }, () => {
  it('checks the title and the total before sending, then opens the new contract', async () => {
    const stub = createStubClient({
      ContractSource: () => ({ customer: acme }),
      CreateContract: () => ({
        createContract: {
          __typename: 'ContractPayload',
          contract: { __typename: 'Contract', id: 'k9' },
          userErrors: [],
        },
      }),
    })
    renderWithProviders(<ContractCreatePage />, {
      client: stub.client,
      route: '/contracts/new?customer=c1',
      path: '/contracts/new',
    })
    await screen.findByText('Acme')
    await userEvent.click(screen.getByRole('button', { name: 'Create contract' }))
    expect(screen.getByRole('textbox', { name: /Title/ })).toHaveAccessibleDescription('Required.')
    await userEvent.type(screen.getByRole('textbox', { name: /Total/ }), '-5')
    expect(screen.getByRole('textbox', { name: /Total/ })).toHaveAccessibleDescription(
      'Give an amount greater than zero, with at most two decimals.',
    )
    expect(stub.variablesOf('CreateContract')).toHaveLength(0)

    await userEvent.type(screen.getByRole('textbox', { name: /Title/ }), 'ERP roll-out')
    await userEvent.clear(screen.getByRole('textbox', { name: /Total/ }))
    await userEvent.type(screen.getByRole('textbox', { name: /Total/ }), '1200,50')
    await userEvent.click(screen.getByRole('button', { name: 'Create contract' }))
    expect(stub.variablesOf('CreateContract')).toEqual([
      { input: { customerId: 'c1', title: 'ERP roll-out', currency: 'EUR', total: '1200.50' } },
    ])
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/contracts/k9'), {
      timeout: 5_000,
    })
  })

  it('rests on an accepted quote: its customer and deal, no currency or total asked', async () => {
    const stub = createStubClient({
      ContractSource: () => ({
        quote: {
          __typename: 'Quote',
          id: 'q1',
          number: 2,
          status: 'ACCEPTED',
          total: { __typename: 'Money', amount: '900.00', currency: 'EUR' },
          opportunity: { __typename: 'Opportunity', id: 'd1', name: 'Acme ERP', customer: acme },
        },
      }),
      CreateContract: () => ({
        createContract: {
          __typename: 'ContractPayload',
          contract: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: ['input', 'title'],
              code: 'TOO_LONG',
              message: 'Too long',
            },
          ],
        },
      }),
    })
    renderWithProviders(<ContractCreatePage />, {
      client: stub.client,
      route: '/contracts/new?quote=q1',
      path: '/contracts/new',
    })
    expect(await screen.findByText('From quote #2 of Acme ERP (€900.00)')).toBeInTheDocument()
    expect(screen.queryByRole('textbox', { name: /Total/ })).toBeNull()
    await userEvent.type(screen.getByRole('textbox', { name: /Title/ }), 'Roll-out')
    await userEvent.click(screen.getByRole('button', { name: 'Create contract' }))
    expect(stub.variablesOf('CreateContract')).toEqual([
      { input: { customerId: 'c1', title: 'Roll-out', opportunityId: 'd1', quoteId: 'q1' } },
    ])
    // the server's error appears at its field
    expect(await screen.findByText(/Too long/)).toBeInTheDocument()
  })
})
