import type { ReactNode } from 'react'
import { useAuth } from '../features/auth/auth-context'
import { ContractCreatePage } from '../features/contracts/components/contract-create-page'
import { ContractPage } from '../features/contracts/components/contract-page'
import { ContractsPage } from '../features/contracts/components/contracts-page'
import { CustomerContracts } from '../features/contracts/components/customer-contracts'
import { PlanningPage } from '../features/contracts/components/planning-page'
import { useViewer } from '../features/auth/use-viewer'
import { useCan } from '../lib/permissions'
import { PROJECT_ROLES, hasAnyRole } from './roles'

/** /contracts; "New contract" for those who may create contracts. */
export function ContractListPage() {
  const can = useCan()
  return <ContractsPage canCreate={can('CREATE', 'CONTRACT')} />
}

export function NewContractPage() {
  return <ContractCreatePage />
}

/**
 * /contracts/:id: the contract's own fields for those who may change contracts, its plan for
 * those who may change project plans, documents with the access token. `paymentSchedule` is
 * where the app puts the contract's payment schedule (billing).
 */
export function ContractDetailPage({
  paymentSchedule,
}: {
  paymentSchedule?: (contract: { id: string; version: number }) => ReactNode
}) {
  const can = useCan()
  const { user } = useAuth()
  return (
    <ContractPage
      canEdit={can('UPDATE', 'CONTRACT')}
      canPlan={can('UPDATE', 'PROJECT_PLAN')}
      accessToken={user?.access_token}
      renderPaymentSchedule={paymentSchedule}
    />
  )
}

export function PeoplesTimePage() {
  return <PlanningPage />
}

/** The customer page's contracts, for those who see contracts. */
export function CustomerContractsSection({
  customerId,
  refreshKey,
}: {
  customerId: string
  refreshKey?: number
}) {
  const { viewer } = useViewer()
  const can = useCan()
  if (!hasAnyRole(viewer?.roles, PROJECT_ROLES)) return null
  return (
    <CustomerContracts
      customerId={customerId}
      canCreate={can('CREATE', 'CONTRACT')}
      refreshKey={refreshKey}
    />
  )
}
