import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { makeFragmentData } from '../../../gql'
import { QuoteFieldsFragmentDoc } from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { DealQuotes } from './deal-quotes'

const quote = makeFragmentData(
  {
    id: 'q1',
    number: 1,
    status: 'OPEN',
    currency: 'EUR',
    validUntil: '2026-12-31',
    version: 3,
    createdAt: '2026-11-20T10:00:00Z',
    total: { amount: '900.00', currency: 'EUR' },
    lines: [],
  },
  QuoteFieldsFragmentDoc,
)

describe('DealQuotes', () => {
  it('accepts a quote with its version', async () => {
    const stub = createStubClient({
      AcceptQuote: () => ({
        acceptQuote: { __typename: 'QuotePayload', quote: null, userErrors: [] },
      }),
    })
    const onReload = vi.fn()
    renderWithProviders(
      <DealQuotes
        opportunityId="o1"
        quotes={[quote]}
        defaultCurrency="EUR"
        canQuote
        onReload={onReload}
      />,
      { client: stub.client },
    )
    expect(screen.getByRole('rowheader', { name: 'No. 1' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Accept quote 1' }))
    expect(stub.variablesOf('AcceptQuote')).toEqual([{ input: { id: 'q1', expectedVersion: 3 } }])
    expect(onReload).toHaveBeenCalled()
  })

  it('sends a percent discount and shows the server’s error at the line’s list price', async () => {
    const stub = createStubClient({
      CreateQuote: () => ({
        createQuote: {
          __typename: 'QuotePayload',
          quote: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: ['input', 'lines', '0', 'listPrice'],
              code: 'INVALID_VALUE',
              message: 'must not be negative',
            },
          ],
        },
      }),
    })
    renderWithProviders(
      <DealQuotes
        opportunityId="o1"
        quotes={[]}
        defaultCurrency="EUR"
        canQuote
        onReload={() => undefined}
      />,
      { client: stub.client },
    )
    await userEvent.click(screen.getByRole('button', { name: 'New quote' }))
    await userEvent.type(screen.getByLabelText(/Description/), 'Pro licence')
    await userEvent.clear(screen.getByLabelText(/Quantity/))
    await userEvent.type(screen.getByLabelText(/Quantity/), '2')
    await userEvent.type(screen.getByLabelText(/List price/), '-5')
    await userEvent.type(screen.getByLabelText(/^Discount$/), '10')
    await userEvent.click(screen.getByRole('button', { name: 'Create quote' }))
    const [variables] = stub.variablesOf('CreateQuote') as [{ input: { lines: unknown[] } }]
    expect(variables.input.lines).toEqual([
      { description: 'Pro licence', quantity: 2, listPrice: '-5', discountPercent: '10' },
    ])
    expect(screen.getByLabelText(/List price/)).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText(/must not be negative/)).toBeInTheDocument()
  })
})
