import type { PaymentMethod } from '../../../gql/graphql'

/** The ways money is paid, in the order the forms offer them. */
export const PAYMENT_METHODS: readonly PaymentMethod[] = [
  'BANK_TRANSFER',
  'CARD',
  'CASH',
  'CHEQUE',
  'OTHER',
]

/** The address of a statement's PDF, in the app's language. */
export function statementPdfPath(
  customerId: string,
  { from, to, currency, lang }: { from: string; to: string; currency: string; lang: string },
): string {
  const params = new URLSearchParams({ from, to, currency, lang })
  return `/customers/${encodeURIComponent(customerId)}/statement.pdf?${params.toString()}`
}
