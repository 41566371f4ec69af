import { describe, expect, it } from 'vitest'
import type { DocumentFlowQuery } from '../../../gql/graphql'
import { flowColumns } from './document-flow'

const FLOW: NonNullable<DocumentFlowQuery['documentFlow']> = {
  documents: [
    {
      __typename: 'Quote',
      id: 'q1',
      documentNumber: 'QUO-2026-00012-v2',
      quoteStatus: 'ACCEPTED',
      opportunity: { id: 'd1' },
    },
    { __typename: 'Order', id: 'o1', orderNumber: 'ORD-2026-00001', orderStatus: 'PARTLY_SHIPPED' },
    { __typename: 'Shipment', id: 's1', shipmentNumber: 'SHP-2026-00001' },
    { __typename: 'Shipment', id: 's2', shipmentNumber: 'SHP-2026-00002' },
    { __typename: 'Invoice', id: 'i1', invoiceNumber: 'INV-2026-00001' },
  ],
  links: [
    { from: 'q1', to: 'o1' },
    { from: 'o1', to: 's1' },
    { from: 'o1', to: 's2' },
    { from: 's1', to: 'i1' },
    { from: 's2', to: 'i1' },
    { from: 's2', to: 'gone' },
  ],
}

describe('flowColumns', () => {
  it('lays the chain out as columns with links both ways and the current document marked', () => {
    const columns = flowColumns(FLOW, 's2')
    expect(columns.map((c) => [c.kind, c.nodes.map((n) => n.number)])).toEqual([
      ['Quote', ['QUO-2026-00012-v2']],
      ['Order', ['ORD-2026-00001']],
      ['Shipment', ['SHP-2026-00001', 'SHP-2026-00002']],
      ['Invoice', ['INV-2026-00001']],
    ])
    const shipment = columns[2]!.nodes[1]!
    expect(shipment).toMatchObject({
      current: true,
      href: '/shipments/s2',
      madeFrom: ['o1'],
      madeInto: ['i1'],
    })
    expect(columns[0]!.nodes[0]!.href).toBe('/opportunities/d1')
    expect(columns[3]!.nodes[0]!.madeFrom).toEqual(['s1', 's2'])
    expect(columns.flatMap((c) => c.nodes).filter((n) => n.current)).toHaveLength(1)
  })

  it('leaves out kinds the chain does not have', () => {
    const columns = flowColumns(
      { documents: [FLOW.documents[1]!, FLOW.documents[2]!], links: [{ from: 'o1', to: 's1' }] },
      'o1',
    )
    expect(columns.map((c) => c.kind)).toEqual(['Order', 'Shipment'])
  })

  it('puts contracts after orders and payments after invoices, each linked to its page', () => {
    const columns = flowColumns(
      {
        documents: [
          FLOW.documents[1]!,
          { __typename: 'Contract', id: 'k1', contractNumber: 'CTR-2026-00001' },
          FLOW.documents[4]!,
          { __typename: 'Payment', id: 'p1', paymentNumber: 'PAY-2026-00001' },
        ],
        links: [
          { from: 'o1', to: 'k1' },
          { from: 'o1', to: 'i1' },
          { from: 'i1', to: 'p1' },
        ],
      },
      'o1',
    )
    expect(columns.map((c) => [c.kind, c.nodes.map((n) => n.href)])).toEqual([
      ['Order', ['/orders/o1']],
      ['Contract', ['/contracts/k1']],
      ['Invoice', ['/invoices/i1']],
      ['Payment', ['/payments/p1']],
    ])
    expect(columns[3]!.nodes[0]!.madeFrom).toEqual(['i1'])
  })
})
