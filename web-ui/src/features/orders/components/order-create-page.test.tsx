import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { OrderCreatePage } from './order-create-page'

const product = {
  __typename: 'Product',
  id: 'p1',
  code: 'DD-CRM',
  name: 'DealerDesk CRM',
  kind: 'PROGRAM',
  editions: [
    { __typename: 'ProductEdition', code: 'STD', name: 'Standard', active: true },
    { __typename: 'ProductEdition', code: 'PRO', name: 'Professional', active: true },
  ],
} as const

const PRICES: Record<string, string> = {
  'EUR|STD': '100.00',
  'EUR|PRO': '250.00',
  'USD|STD': '110.00',
}

const CREATED = {
  createOrder: {
    __typename: 'OrderPayload',
    order: { __typename: 'Order', id: 'o9', number: 'ORD-2026-00009' },
    userErrors: [],
  },
} as const

function setUp(createOrder: () => StubAnswer<'CreateOrder'> = () => CREATED) {
  const stub = createStubClient({
    OrderCustomerOptions: () => ({
      customers: {
        __typename: 'CustomerConnection',
        edges: [
          {
            __typename: 'CustomerEdge',
            node: { __typename: 'Customer', id: 'c1', name: 'Acme' },
          },
        ],
      },
    }),
    OrderProductOptions: () => ({
      products: {
        __typename: 'ProductConnection',
        edges: [{ __typename: 'ProductEdge', node: product }],
      },
    }),
    ProductPrice: (variables) => {
      const amount = PRICES[`${String(variables.currency)}|${String(variables.editionCode)}`]
      return {
        product: {
          __typename: 'Product',
          id: 'p1',
          price: amount
            ? { __typename: 'Money', amount, currency: String(variables.currency) }
            : null,
        },
      }
    },
    CreateOrder: createOrder,
  })
  renderWithProviders(<OrderCreatePage />, {
    client: stub.client,
    route: '/orders/new',
    path: '/orders/new',
  })
  return stub
}

describe('OrderCreatePage', () => {
  it('prefills the unit price from the catalogue for edition and currency, and totals the line', async () => {
    const stub = setUp()
    await userEvent.selectOptions(await screen.findByLabelText(/^Customer/), 'c1')
    await waitFor(() => expect(screen.getByRole('option', { name: /DD-CRM/ })).toBeInTheDocument())
    await userEvent.selectOptions(screen.getByLabelText(/^Product/), 'p1')
    await waitFor(() => expect(screen.getByLabelText(/^Unit price/)).toHaveValue('100.00'))
    await userEvent.selectOptions(screen.getByLabelText(/^Edition/), 'PRO')
    await waitFor(() => expect(screen.getByLabelText(/^Unit price/)).toHaveValue('250.00'))
    await userEvent.clear(screen.getByLabelText(/^Quantity/))
    await userEvent.type(screen.getByLabelText(/^Quantity/), '3')
    await userEvent.type(screen.getByLabelText(/^Discount/), '50')
    expect(screen.getByRole('status', { name: 'Total of line 1' })).toHaveTextContent('€700.00')
    expect(screen.getByRole('status', { name: 'Order total' })).toHaveTextContent('€700.00')

    await userEvent.click(screen.getByRole('button', { name: 'Create order' }))
    expect(stub.variablesOf('CreateOrder')).toEqual([
      {
        input: {
          customerId: 'c1',
          currency: 'EUR',
          lines: [
            {
              productId: 'p1',
              editionCode: 'PRO',
              quantity: 3,
              unitPrice: '250.00',
              discount: '50',
            },
          ],
        },
      },
    ])
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/orders/o9'))
  })

  it('keeps a typed price when the currency changes, and reprices untouched lines', async () => {
    setUp()
    await waitFor(() => expect(screen.getByRole('option', { name: /DD-CRM/ })).toBeInTheDocument())
    await userEvent.selectOptions(screen.getByLabelText(/^Product/), 'p1')
    await waitFor(() => expect(screen.getByLabelText(/^Unit price/)).toHaveValue('100.00'))
    await userEvent.selectOptions(screen.getByLabelText('Currency'), 'USD')
    await waitFor(() => expect(screen.getByLabelText(/^Unit price/)).toHaveValue('110.00'))
    await userEvent.clear(screen.getByLabelText(/^Unit price/))
    await userEvent.type(screen.getByLabelText(/^Unit price/), '99')
    await userEvent.click(screen.getByRole('button', { name: 'Add line' }))
    await userEvent.selectOptions(screen.getAllByLabelText(/^Product/)[1]!, 'p1')
    const [typed, untouched] = screen.getAllByLabelText(/^Unit price/)
    await waitFor(() => expect(untouched).toHaveValue('110.00'))
    await userEvent.selectOptions(screen.getByLabelText('Currency'), 'EUR')
    // both lines' catalogue answers are applied at once: the untouched line shows when
    await waitFor(() => expect(untouched).toHaveValue('100.00'))
    expect(typed).toHaveValue('99')
  })

  it('shows why the order was refused when the partner’s prepaid balance is short', async () => {
    const message =
      'The prepaid balance (EUR 100.00 with a credit limit of EUR 0.00) does not cover EUR 250.00'
    const stub = setUp(() => ({
      createOrder: {
        __typename: 'OrderPayload',
        order: null,
        userErrors: [{ __typename: 'UserError', field: ['input'], code: 'CONFLICT', message }],
      },
    }))
    await userEvent.selectOptions(await screen.findByLabelText(/^Customer/), 'c1')
    await waitFor(() => expect(screen.getByRole('option', { name: /DD-CRM/ })).toBeInTheDocument())
    await userEvent.selectOptions(screen.getByLabelText(/^Product/), 'p1')
    await waitFor(() => expect(screen.getByLabelText(/^Unit price/)).toHaveValue('100.00'))
    await userEvent.click(screen.getByRole('button', { name: 'Create order' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('This conflicts with the current state.')
    expect(alert).toHaveTextContent(message)
    expect(stub.variablesOf('CreateOrder')).toHaveLength(1)
    expect(screen.getByTestId('location')).toHaveTextContent('/orders/new')
  })
})
