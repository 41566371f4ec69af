import { useAuth } from '../features/auth/auth-context'
import { CreateOrderFromQuote } from '../features/orders/components/create-order-from-quote'
import { OpportunityPage } from '../features/sales/components/opportunity-page'
import { useCan } from '../lib/permissions'

/**
 * /opportunities/:id — the deal page, given the access token its printable quotes need and, for
 * those who sell, "Create order" on accepted quotes (from the orders feature).
 */
export function DealPage() {
  const { user } = useAuth()
  const can = useCan()
  const canOrder = can('CREATE', 'ORDER')
  return (
    <OpportunityPage
      accessToken={user?.access_token}
      renderQuoteActions={canOrder ? (quote) => <CreateOrderFromQuote quote={quote} /> : undefined}
    />
  )
}
