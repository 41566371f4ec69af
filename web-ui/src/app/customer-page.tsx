import { useState } from 'react'
import { CustomerActivities } from '../features/activities/components/customer-activities'
import { useViewer } from '../features/auth/use-viewer'
import { CustomerDetail } from '../features/customers/components/customer-detail'
import { CustomerMail } from '../features/mail/components/customer-mail'
import { MailTimelineItem } from '../features/mail/components/mail-timeline-item'
import { CustomerLicensingSection } from './licensing-pages'
import { useCan } from '../lib/permissions'
import { TEAM_ROLES, hasAnyRole } from './roles'

/**
 * /customers/:id — the customer's details with its timeline (activities and mail, drawn by
 * their features) and the mail import and search below; three features, composed here.
 */
export function CustomerPage() {
  const { viewer } = useViewer()
  const roles = viewer?.roles
  const can = useCan()
  // bumped when a message is imported, so that the timeline shows it
  const [mailImports, setMailImports] = useState(0)
  return (
    <CustomerDetail
      renderSections={(customer) => (
        <>
          <CustomerActivities
            customer={customer}
            canLog={can('CREATE', 'ACTIVITY')}
            canAssign={hasAnyRole(roles, TEAM_ROLES)}
            meId={viewer?.user?.id}
            renderMail={(message) => <MailTimelineItem message={message} />}
            refreshKey={mailImports}
          />
          <CustomerMail customer={customer} onImported={() => setMailImports((n) => n + 1)} />
          <CustomerLicensingSection customerId={customer.id} />
        </>
      )}
    />
  )
}
