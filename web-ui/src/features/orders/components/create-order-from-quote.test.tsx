import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { CreateOrderFromQuote } from './create-order-from-quote'

describe('CreateOrderFromQuote', () => {
  it('appears on accepted quotes only and opens the new order', async () => {
    const stub = createStubClient({
      CreateOrderFromQuote: () => ({
        createOrderFromQuote: {
          __typename: 'OrderPayload',
          order: { __typename: 'Order', id: 'o7', number: 'ORD-7' },
          userErrors: [],
        },
      }),
    })
    const { rerender } = renderWithProviders(
      <CreateOrderFromQuote quote={{ id: 'q1', number: 2, status: 'OPEN' }} />,
      { client: stub.client },
    )
    expect(screen.queryByRole('button', { name: /Create order/ })).not.toBeInTheDocument()
    rerender(<></>)
    renderWithProviders(
      <CreateOrderFromQuote quote={{ id: 'q1', number: 2, status: 'ACCEPTED' }} />,
      { client: stub.client },
    )
    await userEvent.click(screen.getByRole('button', { name: 'Create order from quote 2' }))
    expect(stub.variablesOf('CreateOrderFromQuote')).toEqual([{ input: { quoteId: 'q1' } }])
    expect(screen.getByTestId('location')).toHaveTextContent('/orders/o7')
  })
})
