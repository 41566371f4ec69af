import { isNewer } from '../../../lib/version-guard'

type CustomerEvent = {
  type: string
  aggregateType: string
  aggregateId: string
  aggregateVersion: number
}

/**
 * Whether an event of the customer's live feed may change the contract page: a CONTRACT_* event
 * (the contract, its documents, stages, works or tasks), unless it is about another contract of
 * the customer, or about this very contract and no newer than the version shown (the user's own
 * change, already on screen).
 */
export function isContractEvent(
  event: CustomerEvent,
  shown: { id: string; version: number },
): boolean {
  if (!event.type.startsWith('CONTRACT_')) return false
  if (event.aggregateType !== 'Contract') return true
  if (event.aggregateId !== shown.id) return false
  return isNewer({ version: event.aggregateVersion }, shown)
}
