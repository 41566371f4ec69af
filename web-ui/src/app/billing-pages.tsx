import { useParams } from 'react-router'
import { useAuth } from '../features/auth/auth-context'
import { useViewer } from '../features/auth/use-viewer'
import { CustomerBilling } from '../features/billing/components/customer-billing'
import { CustomerStatementPage } from '../features/billing/components/statement-page'
import { InvoicePayments } from '../features/billing/components/invoice-payments'
import { LicensePaymentPlan } from '../features/billing/components/license-payment-plan'
import { PaymentSchedule } from '../features/billing/components/payment-schedule'
import { BILLING_ROLES, COLLECTION_ROLES, hasAnyRole } from './roles'

/**
 * Billing's parts of pages other features draw (order, invoice, license, customer), shown to
 * those who see payment plans; what each part offers follows the user's permissions.
 */
export function OrderPaymentSchedule() {
  const { viewer } = useViewer()
  const id = useParams().id ?? ''
  if (!hasAnyRole(viewer?.roles, BILLING_ROLES)) return null
  return <PaymentSchedule orderId={id} />
}

export function InvoicePaymentsSection() {
  const { viewer } = useViewer()
  const id = useParams().id ?? ''
  if (!hasAnyRole(viewer?.roles, BILLING_ROLES)) return null
  return <InvoicePayments invoiceId={id} />
}

export function LicensePaymentPlanSection() {
  const { viewer } = useViewer()
  const id = useParams().id ?? ''
  if (!hasAnyRole(viewer?.roles, BILLING_ROLES)) return null
  return <LicensePaymentPlan licenseId={id} />
}

/** The customer page's credit, statement link and latest payments (no partners: no payments). */
export function CustomerBillingSection({
  customerId,
  refreshKey,
}: {
  customerId: string
  refreshKey?: number
}) {
  const { viewer } = useViewer()
  if (!hasAnyRole(viewer?.roles, COLLECTION_ROLES)) return null
  return <CustomerBilling customerId={customerId} refreshKey={refreshKey} />
}

/** /customers/:id/statement, with the token the PDF download needs. */
export function StatementPage() {
  const { user } = useAuth()
  return <CustomerStatementPage accessToken={user?.access_token} />
}
