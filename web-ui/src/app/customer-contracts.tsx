import { useViewer } from '../features/auth/use-viewer'
import { CustomerContracts } from '../features/contracts/components/customer-contracts'
import { useCan } from '../lib/permissions'
import { PROJECT_ROLES, hasAnyRole } from './roles'

/**
 * The customer page's contracts card, for those who see contracts (its own file, so the customer
 * page does not bring the contract page and its Gantt chart along).
 */
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
