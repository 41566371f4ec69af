import { CustomerActivities } from '../features/activities/components/customer-activities'
import { useViewer } from '../features/auth/use-viewer'
import { CustomerDetail } from '../features/customers/components/customer-detail'
import { CustomerMail } from '../features/mail/components/customer-mail'
import { CustomerLicensingSection } from './licensing-pages'
import { ACTIVITY_ROLES, TEAM_ROLES, hasAnyRole } from './roles'

/** /customers/:id — the customer's details with its activities and mail below (three features, composed here). */
export function CustomerPage() {
  const { viewer } = useViewer()
  const roles = viewer?.roles
  return (
    <CustomerDetail
      renderSections={(customer) => (
        <>
          <CustomerActivities
            customer={customer}
            canLog={hasAnyRole(roles, ACTIVITY_ROLES)}
            canAssign={hasAnyRole(roles, TEAM_ROLES)}
            meId={viewer?.user?.id}
          />
          <CustomerMail customer={customer} />
          <CustomerLicensingSection customerId={customer.id} />
        </>
      )}
    />
  )
}
