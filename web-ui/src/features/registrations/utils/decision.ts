import type { RegistrationConflictKind } from '../../../gql/graphql'

/**
 * Whether approving needs `acknowledgeConflicts`: any conflict but another partner's registration
 * (which the API refuses outright while it is protected, acknowledged or not).
 */
export function needsAcknowledgement(kinds: readonly RegistrationConflictKind[]): boolean {
  return kinds.some((kind) => kind !== 'SAME_CUSTOMER_REGISTERED')
}

/** An empty protection period takes the configured default; otherwise 1 to 3650 whole days. */
export function validateProtectionDays(text: string): 'daysInvalid' | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  if (!/^\d+$/.test(trimmed)) return 'daysInvalid'
  const days = Number(trimmed)
  return days >= 1 && days <= 3650 ? null : 'daysInvalid'
}
