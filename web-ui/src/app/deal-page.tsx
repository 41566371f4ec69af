import { useAuth } from '../features/auth/auth-context'
import { OpportunityPage } from '../features/sales/components/opportunity-page'

/** /opportunities/:id — the deal page, given the access token its printable quotes need. */
export function DealPage() {
  const { user } = useAuth()
  return <OpportunityPage accessToken={user?.access_token} />
}
