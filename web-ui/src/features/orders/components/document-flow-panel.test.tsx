import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { DocumentFlowPanel } from './document-flow-panel'

describe('DocumentFlowPanel', () => {
  it('draws the chain as columns with the current document marked and every document a link', async () => {
    const stub = createStubClient({
      DocumentFlow: () => ({
        documentFlow: {
          __typename: 'DocumentFlow',
          documents: [
            {
              __typename: 'Quote',
              id: 'q1',
              documentNumber: 'QUO-2026-00012-v1',
              quoteStatus: 'ACCEPTED',
              opportunity: { __typename: 'Opportunity', id: 'd1' },
            },
            { __typename: 'Order', id: 'o1', orderNumber: 'ORD-1', orderStatus: 'SHIPPED' },
            { __typename: 'Shipment', id: 's1', shipmentNumber: 'SHP-1' },
          ],
          links: [
            { __typename: 'DocumentLink', from: 'q1', to: 'o1' },
            { __typename: 'DocumentLink', from: 'o1', to: 's1' },
          ],
        },
      }),
    })
    renderWithProviders(<DocumentFlowPanel documentId="s1" />, { client: stub.client })
    const panel = await screen.findByRole('region', { name: 'Document flow' })
    await within(panel).findByRole('link', { name: 'Shipment SHP-1' })
    expect(within(panel).getByRole('heading', { name: 'Quotes' })).toBeInTheDocument()
    expect(within(panel).getByRole('link', { name: 'Quote QUO-2026-00012-v1' })).toHaveAttribute(
      'href',
      '/opportunities/d1',
    )
    expect(within(panel).getByRole('link', { name: 'Order ORD-1' })).toHaveAttribute(
      'href',
      '/orders/o1',
    )
    expect(within(panel).getByRole('link', { name: 'Shipment SHP-1' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    expect(within(panel).getByText('from ORD-1')).toBeInTheDocument()
    expect(stub.variablesOf('DocumentFlow')[0]).toEqual({ id: 's1' })
  })
})
