import { useState } from 'react'
import { useParams } from 'react-router'
import { CustomerActivities } from '../features/activities/components/customer-activities'
import { useViewer } from '../features/auth/use-viewer'
import { CustomerDetail } from '../features/customers/components/customer-detail'
import { CustomerMail } from '../features/mail/components/customer-mail'
import { MailTimelineItem } from '../features/mail/components/mail-timeline-item'
import { CustomerDocuments } from '../features/orders/components/customer-documents'
import { ConvertToPartner } from '../features/partners/components/convert-to-partner'
import { CustomerDeals } from '../features/sales/components/customer-deals'
import { useLiveSubscription } from '../hooks/use-live-subscription'
import { useRefreshKeys } from '../hooks/use-refresh-keys'
import { CustomerBillingSection } from './billing-pages'
import { CustomerContractsSection } from './customer-contracts'
import { CustomerLicensingSection } from './licensing-pages'
import { useCan } from '../lib/permissions'
import {
  ALL_CUSTOMER_SECTIONS,
  CustomerEventsSubscription,
  sectionOf,
  type CustomerSection,
} from './customer-events'
import { CHANNEL_ROLES, ORDER_ROLES, TEAM_ROLES, hasAnyRole } from './roles'

/**
 * /customers/:id — the hub of a customer: its details, its deals and quotes (with "New deal"),
 * orders and invoices (with "New order") and licenses, then the timeline (activities and mail)
 * and the mail import and search; each drawn by its feature, composed here. The customer's live
 * events reload the sections they concern, so what others change shows without reloading.
 */
export function CustomerPage() {
  const { viewer } = useViewer()
  const roles = viewer?.roles
  const can = useCan()
  const customerId = useParams().id ?? ''
  // bumped when a message is imported, so that the timeline shows it
  const [mailImports, setMailImports] = useState(0)
  const { keys, touch } = useRefreshKeys<CustomerSection>()
  useLiveSubscription(
    CustomerEventsSubscription,
    { customerId },
    (data) => {
      const section = sectionOf(data.customerEvents.aggregateType)
      if (section) touch(section)
    },
    { onResync: () => touch(...ALL_CUSTOMER_SECTIONS) },
  )
  return (
    <CustomerDetail
      live
      refreshKey={keys.customer}
      renderSections={(customer) => (
        <>
          <div className="hub-grid">
            <CustomerDeals
              customerId={customer.id}
              // the API takes no new deals for an archived customer
              canCreate={can('CREATE', 'OPPORTUNITY') && !customer.archived}
              refreshKey={keys.deals}
            />
            {hasAnyRole(roles, ORDER_ROLES) ? (
              <CustomerDocuments
                customerId={customer.id}
                canOrder={can('CREATE', 'ORDER')}
                refreshKey={keys.documents}
              />
            ) : null}
          </div>
          <CustomerContractsSection customerId={customer.id} refreshKey={keys.contracts} />
          <CustomerBillingSection customerId={customer.id} refreshKey={keys.billing} />
          <CustomerLicensingSection customerId={customer.id} refreshKey={keys.licenses} />
          <CustomerActivities
            customer={customer}
            canLog={can('CREATE', 'ACTIVITY')}
            canAssign={hasAnyRole(roles, TEAM_ROLES)}
            meId={viewer?.user?.id}
            renderMail={(message) => <MailTimelineItem message={message} />}
            refreshKey={`${mailImports}.${keys.activities ?? 0}`}
          />
          <CustomerMail customer={customer} onImported={() => setMailImports((n) => n + 1)} />
          {/* the channel makes a customer who starts reselling a partner */}
          {hasAnyRole(roles, CHANNEL_ROLES) && can('CREATE', 'PARTNER') ? (
            <ConvertToPartner customerId={customer.id} customerName={customer.name} />
          ) : null}
        </>
      )}
    />
  )
}
