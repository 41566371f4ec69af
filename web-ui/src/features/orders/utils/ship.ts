import type { CreateShipmentInput } from '../../../gql/graphql'
import type { UserErrorLike } from '../../../lib/user-errors'

export type ShippableLine = { id: string; quantity: number; shippedQuantity: number }

/** What is left to ship of a line (never negative). */
export function remainingOf(line: ShippableLine): number {
  return Math.max(0, line.quantity - line.shippedQuantity)
}

/** The dialog's starting quantities: everything not shipped yet, by order line id. */
export function initialShipQuantities(lines: readonly ShippableLine[]): Record<string, string> {
  return Object.fromEntries(lines.map((line) => [line.id, String(remainingOf(line))]))
}

/**
 * Checks the typed quantities in the server's shape, at the dialog's fields `lines.<i>.quantity`
 * (i = the line's index among the order's lines): whole, not negative, not more than is left,
 * and something to ship at all.
 */
export function checkShipQuantities(
  lines: readonly ShippableLine[],
  quantities: Record<string, string>,
): UserErrorLike[] {
  const errors: UserErrorLike[] = []
  let total = 0
  lines.forEach((line, index) => {
    const text = (quantities[line.id] ?? '').trim()
    const value = text === '' ? 0 : Number(text)
    const field = ['input', 'lines', String(index), 'quantity']
    if (!Number.isInteger(value) || value < 0) {
      errors.push({ field, code: 'INVALID_FORMAT', message: '' })
    } else if (value > remainingOf(line)) {
      errors.push({ field, code: 'INVALID_VALUE', message: '' })
    } else {
      total += value
    }
  })
  if (errors.length === 0 && total === 0) {
    errors.push({ field: ['input', 'lines'], code: 'REQUIRED', message: '' })
  }
  return errors
}

/**
 * The mutation's input: lines with something to ship, in the order's order. `sentIndexes[k]` is
 * the order-line index of input line k, to put the server's errors back at the right field.
 */
export function toShipmentInput(
  orderId: string,
  lines: readonly ShippableLine[],
  quantities: Record<string, string>,
  shippedOn: string,
): { input: CreateShipmentInput; sentIndexes: number[] } {
  const sentIndexes: number[] = []
  const inputLines: { orderLineId: string; quantity: number }[] = []
  lines.forEach((line, index) => {
    const quantity = Number((quantities[line.id] ?? '').trim() || '0')
    if (quantity > 0) {
      sentIndexes.push(index)
      inputLines.push({ orderLineId: line.id, quantity })
    }
  })
  return {
    input: { orderId, shippedOn: shippedOn || null, lines: inputLines },
    sentIndexes,
  }
}

/** The server's `["input","lines","k",…]` paths rewritten to the dialog's line indexes. */
export function remapLineErrors<E extends UserErrorLike>(
  errors: readonly E[],
  sentIndexes: readonly number[],
): E[] {
  return errors.map((error) => {
    const path = error.field
    if (!path || path[0] !== 'input' || path[1] !== 'lines' || path[2] === undefined) return error
    const index = sentIndexes[Number(path[2])]
    if (index === undefined) return error
    return { ...error, field: ['input', 'lines', String(index), ...path.slice(3)] }
  })
}
