import type { CreateOrderInput } from '../../../gql/graphql'
import { isDecimal, lineTotal, normalizeDecimal, sumDecimals } from '../../../lib/decimal'
import type { UserErrorLike } from '../../../lib/user-errors'

export type OrderLineValues = {
  productId: string
  editionCode: string
  quantity: string
  unitPrice: string
  /** True once the user typed a price: the catalogue price no longer overwrites it. */
  priceTouched: boolean
  discount: string
}

export type OrderValues = {
  customerId: string
  currency: string
  lines: OrderLineValues[]
}

export const emptyOrderLine = (): OrderLineValues => ({
  productId: '',
  editionCode: '',
  quantity: '1',
  unitPrice: '',
  priceTouched: false,
  discount: '',
})

export function orderFieldKeys(lineCount: number): string[] {
  const keys = ['customerId', 'currency', 'lines']
  for (let i = 0; i < lineCount; i++) {
    keys.push(
      `lines.${i}`,
      `lines.${i}.productId`,
      `lines.${i}.editionCode`,
      `lines.${i}.quantity`,
      `lines.${i}.unitPrice`,
      `lines.${i}.discount`,
    )
  }
  return keys
}

const quantityOf = (line: OrderLineValues) => {
  const n = Number(line.quantity.trim())
  return Number.isInteger(n) ? n : 0
}

/** The line's price as shown while typing: quantity × unit price − discount; null until it can be computed. */
export function orderLineTotal(line: OrderLineValues): string | null {
  if (!line.unitPrice.trim() || !isDecimal(line.unitPrice)) return null
  if (line.discount.trim() && !isDecimal(line.discount)) return null
  return lineTotal(
    quantityOf(line),
    normalizeDecimal(line.unitPrice),
    normalizeDecimal(line.discount),
  )
}

/** The order's total from the lines that can be computed. */
export function orderTotal(lines: readonly OrderLineValues[]): string {
  return sumDecimals(lines.map(orderLineTotal).filter((v): v is string => v !== null))
}

/**
 * The line after the catalogue answered its price: the price is filled in unless the user typed
 * one; `null` (no price in that currency) empties an untouched price.
 */
export function withCataloguePrice(
  line: OrderLineValues,
  price: { amount: string } | null | undefined,
): OrderLineValues {
  if (line.priceTouched) return line
  return { ...line, unitPrice: price?.amount ?? '' }
}

/** Client-side checks in the server's shape. */
export function checkOrderValues(values: OrderValues): UserErrorLike[] {
  const errors: UserErrorLike[] = []
  const at = (code: UserErrorLike['code'], ...field: string[]): UserErrorLike => ({
    field: ['input', ...field],
    code,
    message: '',
  })
  if (!values.customerId) errors.push(at('REQUIRED', 'customerId'))
  if (values.lines.length === 0) errors.push(at('REQUIRED', 'lines'))
  values.lines.forEach((line, index) => {
    const i = String(index)
    if (!line.productId) errors.push(at('REQUIRED', 'lines', i, 'productId'))
    const quantity = Number(line.quantity.trim())
    if (!line.quantity.trim()) errors.push(at('REQUIRED', 'lines', i, 'quantity'))
    else if (!Number.isInteger(quantity) || quantity < 1) {
      errors.push(at('INVALID_VALUE', 'lines', i, 'quantity'))
    }
    if (line.unitPrice.trim() && !isDecimal(line.unitPrice)) {
      errors.push(at('INVALID_FORMAT', 'lines', i, 'unitPrice'))
    }
    if (line.discount.trim() && !isDecimal(line.discount)) {
      errors.push(at('INVALID_FORMAT', 'lines', i, 'discount'))
    }
  })
  return errors
}

/** An empty unit price leaves the catalogue price to the server (the partner's tier price for partners). */
export function toCreateOrderInput(values: OrderValues): CreateOrderInput {
  return {
    customerId: values.customerId,
    currency: values.currency,
    lines: values.lines.map((line) => ({
      productId: line.productId,
      editionCode: line.editionCode || null,
      quantity: Number(line.quantity.trim()),
      unitPrice: line.unitPrice.trim() ? normalizeDecimal(line.unitPrice) : null,
      discount: line.discount.trim() ? normalizeDecimal(line.discount) : null,
    })),
  }
}
