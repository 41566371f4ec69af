import { useAuth } from '../features/auth/auth-context'
import { NewContractLink } from '../features/contracts/components/new-contract-link'
import { CreateOrderFromQuote } from '../features/orders/components/create-order-from-quote'
import { OpportunityPage } from '../features/sales/components/opportunity-page'
import { useCan } from '../lib/permissions'

/**
 * /opportunities/:id — the deal page, given the access token its printable quotes need and, for
 * those who sell, "Create order" (from the orders feature) and "New contract" (from the contracts
 * feature) on accepted quotes.
 */
export function DealPage() {
  const { user } = useAuth()
  const can = useCan()
  const canOrder = can('CREATE', 'ORDER')
  const canContract = can('CREATE', 'CONTRACT')
  return (
    <OpportunityPage
      accessToken={user?.access_token}
      renderQuoteActions={
        canOrder || canContract
          ? (quote) => (
              <>
                {canOrder ? <CreateOrderFromQuote quote={quote} /> : null}
                {canContract ? <NewContractLink quote={quote} /> : null}
              </>
            )
          : undefined
      }
    />
  )
}
