import type { DocumentFlowQuery, OrderStatus, QuoteStatus } from '../../../gql/graphql'

type Flow = NonNullable<DocumentFlowQuery['documentFlow']>
type Document = Flow['documents'][number]

export type FlowKind = 'Quote' | 'Order' | 'Contract' | 'Shipment' | 'Invoice' | 'Payment'

export type FlowNode = {
  id: string
  kind: FlowKind
  /** The document's number as printed. */
  number: string
  /** Order or quote status, when the document has one. */
  status: QuoteStatus | OrderStatus | null
  href: string
  current: boolean
  /** The documents it was made from, by id. */
  madeFrom: string[]
  /** The documents made from it, by id. */
  madeInto: string[]
}

export type FlowColumn = { kind: FlowKind; nodes: FlowNode[] }

const KINDS: readonly FlowKind[] = ['Quote', 'Order', 'Contract', 'Shipment', 'Invoice', 'Payment']

function describe(document: Document): Omit<FlowNode, 'current' | 'madeFrom' | 'madeInto'> | null {
  switch (document.__typename) {
    case 'Quote':
      return {
        id: document.id,
        kind: 'Quote',
        number: document.documentNumber,
        status: document.quoteStatus,
        href: `/opportunities/${encodeURIComponent(document.opportunity.id)}`,
      }
    case 'Order':
      return {
        id: document.id,
        kind: 'Order',
        number: document.orderNumber,
        status: document.orderStatus,
        href: `/orders/${encodeURIComponent(document.id)}`,
      }
    case 'Contract':
      return {
        id: document.id,
        kind: 'Contract',
        number: document.contractNumber,
        status: null,
        href: `/contracts/${encodeURIComponent(document.id)}`,
      }
    case 'Shipment':
      return {
        id: document.id,
        kind: 'Shipment',
        number: document.shipmentNumber,
        status: null,
        href: `/shipments/${encodeURIComponent(document.id)}`,
      }
    case 'Invoice':
      return {
        id: document.id,
        kind: 'Invoice',
        number: document.invoiceNumber,
        status: null,
        href: `/invoices/${encodeURIComponent(document.id)}`,
      }
    case 'Payment':
      return {
        id: document.id,
        kind: 'Payment',
        number: document.paymentNumber,
        status: null,
        href: `/payments/${encodeURIComponent(document.id)}`,
      }
    default:
      return null
  }
}

/**
 * The chain as columns, quotes → orders → contracts → shipments → invoices → payments, empty
 * kinds left out; each
 * column keeps the API's order (oldest first). Links to documents outside the answer are dropped.
 */
export function flowColumns(flow: Flow, currentId: string): FlowColumn[] {
  const nodes = flow.documents
    .map(describe)
    .filter((node): node is NonNullable<typeof node> => node !== null)
    .map((node) => ({ ...node, current: node.id === currentId, madeFrom: [], madeInto: [] }))
  const byId = new Map<string, FlowNode>(nodes.map((node) => [node.id, node]))
  for (const link of flow.links) {
    const from = byId.get(link.from)
    const to = byId.get(link.to)
    if (!from || !to) continue
    if (!to.madeFrom.includes(from.id)) to.madeFrom.push(from.id)
    if (!from.madeInto.includes(to.id)) from.madeInto.push(to.id)
  }
  return KINDS.map((kind) => ({ kind, nodes: nodes.filter((node) => node.kind === kind) })).filter(
    (column) => column.nodes.length > 0,
  )
}
