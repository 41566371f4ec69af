import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { CreateOrderFromQuote } from './create-order-from-quote'

const stubClient = () =>
  createStubClient({
    CreateOrderFromQuote: () => ({
      createOrderFromQuote: {
        __typename: 'OrderPayload',
        order: { __typename: 'Order', id: 'o7', number: 'ORD-7' },
        userErrors: [],
      },
    }),
  })

describe('CreateOrderFromQuote', () => {
  it('shows nothing for a quote that is not accepted', () => {
    renderWithProviders(
      <CreateOrderFromQuote
        quote={{ id: 'q1', documentNumber: 'QUO-2026-00012-v2', status: 'OPEN' }}
      />,
      {
        client: stubClient().client,
      },
    )
    expect(screen.queryByRole('button', { name: /Create order/ })).not.toBeInTheDocument()
  })

  it('makes the order from an accepted quote and opens it', async () => {
    const stub = stubClient()
    renderWithProviders(
      <CreateOrderFromQuote
        quote={{ id: 'q1', documentNumber: 'QUO-2026-00012-v2', status: 'ACCEPTED' }}
      />,
      { client: stub.client },
    )
    await userEvent.click(
      screen.getByRole('button', { name: 'Create order from quote QUO-2026-00012-v2' }),
    )
    expect(stub.variablesOf('CreateOrderFromQuote')).toEqual([{ input: { quoteId: 'q1' } }])
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/orders/o7'))
  })

  it('shows why the order was refused when the partner’s prepaid balance is short', async () => {
    const message = 'The prepaid balance does not cover the order'
    const stub = createStubClient({
      CreateOrderFromQuote: () => ({
        createOrderFromQuote: {
          __typename: 'OrderPayload',
          order: null,
          userErrors: [
            { __typename: 'UserError', field: ['input', 'quoteId'], code: 'CONFLICT', message },
          ],
        },
      }),
    })
    renderWithProviders(
      <CreateOrderFromQuote
        quote={{ id: 'q1', documentNumber: 'QUO-2026-00012-v2', status: 'ACCEPTED' }}
      />,
      { client: stub.client },
    )
    await userEvent.click(
      screen.getByRole('button', { name: 'Create order from quote QUO-2026-00012-v2' }),
    )
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('This conflicts with the current state.')
    expect(alert).toHaveTextContent(message)
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/)
  })
})
