/** Event types that change what a payment schedule or an invoice's payments show. */
const BILLING_PREFIXES = ['PAYMENT_', 'PLANNED_PAYMENT_', 'PAYMENT_PLAN_', 'INVOICE_']

export const isBillingEvent = (type: string): boolean =>
  BILLING_PREFIXES.some((prefix) => type.startsWith(prefix))
