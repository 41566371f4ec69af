import type { OpportunityLineInput } from '../../../gql/graphql'
import { normalizeDecimal } from './quote-form'

/** One product of interest in the deal's line editor, as typed. */
export type DealLineValues = {
  product: string
  quantity: string
  unitPrice: string
  currency: string
  bought: boolean
}

/** Editor lines → `OpportunityLineInput`s; an empty unit price sends none. */
export function toOpportunityLineInputs(lines: readonly DealLineValues[]): OpportunityLineInput[] {
  return lines.map((line) => {
    const quantity = Number.parseInt(line.quantity.trim(), 10)
    const amount = normalizeDecimal(line.unitPrice)
    return {
      product: line.product.trim(),
      quantity: Number.isNaN(quantity) ? 0 : quantity,
      unitPrice: amount ? { amount, currency: line.currency } : null,
      bought: line.bought,
    }
  })
}
