import { useAuth } from '../features/auth/auth-context'
import { PaymentSchedule } from '../features/billing/components/payment-schedule'
import { ContractPage } from '../features/contracts/components/contract-page'
import { ContractsPage } from '../features/contracts/components/contracts-page'
import { useCan } from '../lib/permissions'

/** /contracts; "New contract" for those who may create contracts. */
export function ContractListPage() {
  const can = useCan()
  return <ContractsPage canCreate={can('CREATE', 'CONTRACT')} />
}

/**
 * /contracts/:id: the contract's own fields for those who may change contracts, "Delete contract"
 * on a draft for those who may delete contracts, its plan for those who may change project plans,
 * documents with the access token, and the contract's payment schedule (billing).
 */
export function ContractDetailPage() {
  const can = useCan()
  const { user } = useAuth()
  return (
    <ContractPage
      canEdit={can('UPDATE', 'CONTRACT')}
      canPlan={can('UPDATE', 'PROJECT_PLAN')}
      canDelete={can('DELETE', 'CONTRACT')}
      accessToken={user?.access_token}
      renderPaymentSchedule={(contract) => <PaymentSchedule contractId={contract.id} />}
    />
  )
}
