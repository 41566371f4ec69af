import { describe, expect, it } from 'vitest'
import {
  checkShipQuantities,
  initialShipQuantities,
  remainingOf,
  remapLineErrors,
  toShipmentInput,
} from './ship'

const lines = [
  { id: 'l1', quantity: 5, shippedQuantity: 2 },
  { id: 'l2', quantity: 1, shippedQuantity: 1 },
  { id: 'l3', quantity: 4, shippedQuantity: 0 },
]

describe('ship', () => {
  it('starts with the remaining quantities', () => {
    expect(remainingOf(lines[0]!)).toBe(3)
    expect(initialShipQuantities(lines)).toEqual({ l1: '3', l2: '0', l3: '4' })
  })

  it('refuses to ship more than is left, and nothing at all', () => {
    expect(checkShipQuantities(lines, { l1: '4', l2: '0', l3: '-1' })).toEqual([
      { field: ['input', 'lines', '0', 'quantity'], code: 'INVALID_VALUE', message: '' },
      { field: ['input', 'lines', '2', 'quantity'], code: 'INVALID_FORMAT', message: '' },
    ])
    expect(checkShipQuantities(lines, { l1: '0', l2: '', l3: '0' })).toEqual([
      { field: ['input', 'lines'], code: 'REQUIRED', message: '' },
    ])
    expect(checkShipQuantities(lines, { l1: '1', l2: '0', l3: '4' })).toEqual([])
  })

  it('sends only lines with a quantity and maps errors back to them', () => {
    const { input, sentIndexes } = toShipmentInput(
      'o1',
      lines,
      { l1: '0', l2: '0', l3: '2' },
      '2026-11-23',
    )
    expect(input).toEqual({
      orderId: 'o1',
      shippedOn: '2026-11-23',
      lines: [{ orderLineId: 'l3', quantity: 2 }],
    })
    const [error] = remapLineErrors(
      [{ field: ['input', 'lines', '0', 'quantity'], code: 'INVALID_VALUE' as const, message: '' }],
      sentIndexes,
    )
    expect(error?.field).toEqual(['input', 'lines', '2', 'quantity'])
  })
})
