import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { ShipmentPage } from './shipment-page'

// typed at the stub: the enum fields below are plain strings in this literal
const shipment = (licensesIssued: boolean): StubAnswer<'Shipment'>['shipment'] => ({
  __typename: 'Shipment',
  id: 's1',
  number: 'SHP-2026-00001',
  shippedOn: '2026-11-23',
  createdAt: '2026-11-23T10:00:00Z',
  licensesIssued,
  createdBy: { __typename: 'User', id: 'u1', name: 'Ada Admin', vendor: false },
  customer: {
    __typename: 'Customer',
    id: 'c1',
    name: 'Acme',
    protectionKeys: [
      {
        __typename: 'ProtectionKey',
        id: 'k1',
        keyNumber: 'HK-1',
        name: 'Office',
        status: 'ACTIVE',
      },
      { __typename: 'ProtectionKey', id: 'k0', keyNumber: 'HK-0', name: 'Old', status: 'REPLACED' },
    ],
  },
  order: { __typename: 'Order', id: 'o1', number: 'ORD-2026-00001', currency: 'EUR' },
  invoice: null,
  lines: [
    {
      __typename: 'ShipmentLine',
      id: 'sl1',
      quantity: 2,
      amount: { __typename: 'Money', amount: '200.00', currency: 'EUR' },
      orderLine: {
        __typename: 'OrderLine',
        id: 'l1',
        position: 1,
        description: 'CRM',
        editionCode: null,
        product: { __typename: 'Product', id: 'p1', code: 'DD-CRM', name: 'CRM', kind: 'PROGRAM' },
      },
    },
  ],
  licenses: [],
})

const flow = () => ({
  documentFlow: { __typename: 'DocumentFlow', documents: [], links: [] },
})

describe('ShipmentPage', () => {
  it('issues the licenses bound to a chosen active key of the customer', async () => {
    const stub = createStubClient({
      Shipment: () => ({ shipment: shipment(false) }),
      DocumentFlow: flow,
      IssueLicenses: () => ({
        issueLicenses: {
          __typename: 'IssueLicensesPayload',
          shipment: null,
          licenses: [],
          userErrors: [],
        },
      }),
    })
    renderWithProviders(<ShipmentPage canEdit canInvoice={false} />, {
      client: stub.client,
      route: '/shipments/s1',
      path: '/shipments/:id',
    })
    const licenses = await screen.findByRole('region', { name: 'Licenses' })
    const key = within(licenses).getByLabelText('Protection key')
    expect(
      within(key)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['No key', 'HK-1 · Office'])
    await userEvent.selectOptions(key, 'k1')
    await userEvent.click(within(licenses).getByRole('button', { name: 'Issue licenses' }))
    expect(stub.variablesOf('IssueLicenses')).toEqual([
      { input: { shipmentId: 's1', keyId: 'k1' } },
    ])
    expect(screen.queryByRole('button', { name: 'Create invoice' })).not.toBeInTheDocument()
  })

  it('invoices this and other uninvoiced shipments of the customer in the same currency', async () => {
    const stub = createStubClient({
      Shipment: () => ({ shipment: shipment(true) }),
      DocumentFlow: flow,
      InvoiceableShipments: () => ({
        orders: {
          __typename: 'OrderConnection',
          edges: [
            {
              __typename: 'OrderEdge',
              node: {
                __typename: 'Order',
                id: 'o1',
                number: 'ORD-1',
                currency: 'EUR',
                shipments: [
                  {
                    __typename: 'Shipment',
                    id: 's1',
                    number: 'SHP-1',
                    shippedOn: '2026-11-23',
                    invoice: null,
                  },
                  {
                    __typename: 'Shipment',
                    id: 's2',
                    number: 'SHP-2',
                    shippedOn: '2026-11-20',
                    invoice: null,
                  },
                  {
                    __typename: 'Shipment',
                    id: 's3',
                    number: 'SHP-3',
                    shippedOn: '2026-11-01',
                    invoice: { __typename: 'Invoice', id: 'i1' },
                  },
                ],
              },
            },
            {
              __typename: 'OrderEdge',
              node: {
                __typename: 'Order',
                id: 'o2',
                number: 'ORD-2',
                currency: 'USD',
                shipments: [
                  {
                    __typename: 'Shipment',
                    id: 's4',
                    number: 'SHP-4',
                    shippedOn: '2026-11-02',
                    invoice: null,
                  },
                ],
              },
            },
          ],
        },
      }),
      CreateInvoice: () => ({
        createInvoice: {
          __typename: 'InvoicePayload',
          invoice: { __typename: 'Invoice', id: 'i9', number: 'INV-9' },
          userErrors: [],
        },
      }),
    })
    renderWithProviders(<ShipmentPage canEdit={false} canInvoice />, {
      client: stub.client,
      route: '/shipments/s1',
      path: '/shipments/:id',
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Create invoice' }))
    const dialog = await screen.findByRole('dialog', { name: 'New invoice' })
    const boxes = await within(dialog).findAllByRole('checkbox')
    expect(boxes.map((b) => b.parentElement?.textContent)).toEqual([
      expect.stringContaining('SHP-1'),
      expect.stringContaining('SHP-2'),
    ])
    expect(boxes[0]).toBeChecked()
    await userEvent.click(boxes[1]!)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create invoice' }))
    expect(stub.variablesOf('CreateInvoice')).toEqual([{ input: { shipmentIds: ['s1', 's2'] } }])
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/invoices/i9'))
  })
})
