import { describe, expect, it } from 'vitest'
import { isContractEvent } from './live'

const shown = { id: 'k1', version: 4 }
const event = (
  type: string,
  aggregateType: string,
  aggregateId: string,
  aggregateVersion: number,
) => ({
  type,
  aggregateType,
  aggregateId,
  aggregateVersion,
})

describe('live refresh of the contract page', () => {
  it('reloads for a newer change of this contract or of its plan', () => {
    expect(isContractEvent(event('CONTRACT_UPDATED', 'Contract', 'k1', 5), shown)).toBe(true)
    expect(isContractEvent(event('CONTRACT_TASK_UPDATED', 'Task', 't1', 2), shown)).toBe(true)
  })

  it('ignores the own change already shown, other contracts and other events', () => {
    expect(isContractEvent(event('CONTRACT_UPDATED', 'Contract', 'k1', 4), shown)).toBe(false)
    expect(isContractEvent(event('CONTRACT_UPDATED', 'Contract', 'k2', 9), shown)).toBe(false)
    expect(isContractEvent(event('ORDER_CREATED', 'Order', 'o1', 1), shown)).toBe(false)
  })
})
