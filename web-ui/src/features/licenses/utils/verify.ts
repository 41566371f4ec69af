import type { LicenseProblem } from '../../../gql/graphql'

/** Every problem the API can report, in the order they are explained. */
export const LICENSE_PROBLEMS: readonly LicenseProblem[] = [
  'MALFORMED',
  'CHECK_CHARACTER_MISMATCH',
  'BAD_SIGNATURE',
  'UNKNOWN_LICENSE',
  'NOT_YET_VALID',
  'EXPIRED',
  'SUSPENDED',
  'REVOKED',
  'OUTDATED_FILE',
]

/**
 * What to ask: a signed license file is a JWS in compact form (three parts joined by dots); a
 * serial number has none.
 */
export function verifyVariables(text: string): { serial: string | null; file: string | null } {
  const trimmed = text.trim()
  return trimmed.includes('.') ? { serial: null, file: trimmed } : { serial: trimmed, file: null }
}
