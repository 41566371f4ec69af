import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { OrderPage } from './order-page'

const money = (amount: string) => ({ __typename: 'Money', amount, currency: 'EUR' })

const order = (shippedQuantity: number) => ({
  __typename: 'Order',
  id: 'o1',
  number: 'ORD-2026-00001',
  status: shippedQuantity === 0 ? 'OPEN' : shippedQuantity < 3 ? 'PARTLY_SHIPPED' : 'SHIPPED',
  currency: 'EUR',
  version: 1,
  createdAt: '2026-11-23T10:00:00Z',
  createdBy: { __typename: 'User', id: 'u1', name: 'Rafael Rep' },
  customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
  opportunity: { __typename: 'Opportunity', id: 'd1', name: 'Acme CRM' },
  quote: {
    __typename: 'Quote',
    id: 'q1',
    documentNumber: 'QUO-2026-00012-v2',
    opportunity: { __typename: 'Opportunity', id: 'd1' },
  },
  campaign: null,
  total: money('300.00'),
  lines: [
    {
      __typename: 'OrderLine',
      id: 'l1',
      position: 1,
      description: 'CRM',
      editionCode: 'PRO',
      quantity: 3,
      shippedQuantity,
      product: { __typename: 'Product', id: 'p1', code: 'DD-CRM', name: 'CRM', kind: 'PROGRAM' },
      unitPrice: money('100.00'),
      discount: money('0.00'),
      price: money('300.00'),
      renews: null,
    },
  ],
  shipments:
    shippedQuantity === 0
      ? []
      : [
          {
            __typename: 'Shipment',
            id: 's1',
            number: 'SHP-2026-00001',
            shippedOn: '2026-11-23',
            licensesIssued: false,
            invoice: null,
          },
        ],
})

function setUp(shipped: number) {
  const stub = createStubClient({
    Order: () => ({ order: order(shipped) }),
    DocumentFlow: () => ({
      documentFlow: { __typename: 'DocumentFlow', documents: [], links: [] },
    }),
  })
  renderWithProviders(<OrderPage canEdit />, {
    client: stub.client,
    route: '/orders/o1',
    path: '/orders/:id',
  })
}

describe('OrderPage', () => {
  it('links the quote, deal and customer, and offers Ship and Cancel on an open order', async () => {
    setUp(0)
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Order ORD-2026-00001' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Acme' })).toHaveAttribute('href', '/customers/c1')
    expect(screen.getByRole('link', { name: 'Quote QUO-2026-00012-v2' })).toHaveAttribute(
      'href',
      '/opportunities/d1',
    )
    expect(screen.getByRole('button', { name: 'Ship' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Cancel order' })).toBeInTheDocument()
    expect(screen.getByText('Nothing shipped yet.')).toBeInTheDocument()
  })

  it('lists shipments and offers no Ship once everything is shipped', async () => {
    setUp(3)
    expect(await screen.findByRole('link', { name: 'SHP-2026-00001' })).toHaveAttribute(
      'href',
      '/shipments/s1',
    )
    expect(screen.queryByRole('button', { name: 'Ship' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cancel order' })).not.toBeInTheDocument()
  })
})
