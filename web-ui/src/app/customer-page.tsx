import { useState } from 'react'
import { CustomerActivities } from '../features/activities/components/customer-activities'
import { useViewer } from '../features/auth/use-viewer'
import { CustomerDetail } from '../features/customers/components/customer-detail'
import { CustomerMail } from '../features/mail/components/customer-mail'
import { MailTimelineItem } from '../features/mail/components/mail-timeline-item'
import { CustomerDocuments } from '../features/orders/components/customer-documents'
import { CustomerDeals } from '../features/sales/components/customer-deals'
import { CustomerLicensingSection } from './licensing-pages'
import { useCan } from '../lib/permissions'
import { ORDER_ROLES, TEAM_ROLES, hasAnyRole } from './roles'

/**
 * /customers/:id — the hub of a customer: its details, its deals and quotes (with "New deal"),
 * orders and invoices (with "New order") and licenses, then the timeline (activities and mail)
 * and the mail import and search; each drawn by its feature, composed here.
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
          <div className="hub-grid">
            <CustomerDeals
              customerId={customer.id}
              // the API takes no new deals for an archived customer
              canCreate={can('CREATE', 'OPPORTUNITY') && !customer.archived}
            />
            {hasAnyRole(roles, ORDER_ROLES) ? (
              <CustomerDocuments customerId={customer.id} canOrder={can('CREATE', 'ORDER')} />
            ) : null}
          </div>
          <CustomerLicensingSection customerId={customer.id} />
          <CustomerActivities
            customer={customer}
            canLog={can('CREATE', 'ACTIVITY')}
            canAssign={hasAnyRole(roles, TEAM_ROLES)}
            meId={viewer?.user?.id}
            renderMail={(message) => <MailTimelineItem message={message} />}
            refreshKey={mailImports}
          />
          <CustomerMail customer={customer} onImported={() => setMailImports((n) => n + 1)} />
        </>
      )}
    />
  )
}
