import { useAuth } from '../features/auth/auth-context'
import { useViewer } from '../features/auth/use-viewer'
import { CreateOrderFromQuote } from '../features/orders/components/create-order-from-quote'
import { OpportunityPage } from '../features/sales/components/opportunity-page'
import { ORDER_EDIT_ROLES, hasAnyRole } from './roles'

/**
 * /opportunities/:id — the deal page, given the access token its printable quotes need and, for
 * those who sell, "Create order" on accepted quotes (from the orders feature).
 */
export function DealPage() {
  const { user } = useAuth()
  const { viewer } = useViewer()
  const canOrder = hasAnyRole(viewer?.roles, ORDER_EDIT_ROLES)
  return (
    <OpportunityPage
      accessToken={user?.access_token}
      renderQuoteActions={canOrder ? (quote) => <CreateOrderFromQuote quote={quote} /> : undefined}
    />
  )
}
