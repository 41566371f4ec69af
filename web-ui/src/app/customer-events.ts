import { graphql } from '../gql'

/** What changed about the customer: the page fetches again the sections it concerns. */
export const CustomerEventsSubscription = graphql(`
  subscription CustomerEvents($customerId: ID!) {
    customerEvents(customerId: $customerId) {
      position
      aggregateType
    }
  }
`)

/** The sections of the customer page that reload on their own. */
export type CustomerSection =
  'customer' | 'activities' | 'deals' | 'documents' | 'contracts' | 'licenses' | 'billing'

const SECTION_OF: Readonly<Record<string, CustomerSection>> = {
  Customer: 'customer',
  Contact: 'customer',
  Activity: 'activities',
  MailMessage: 'activities',
  Opportunity: 'deals',
  Quote: 'deals',
  Order: 'documents',
  Shipment: 'documents',
  Invoice: 'documents',
  Contract: 'contracts',
  License: 'licenses',
  ProtectionKey: 'licenses',
  Payment: 'billing',
  PaymentPlan: 'billing',
  PlannedPayment: 'billing',
}

/** The section an event's `aggregateType` concerns, if the page shows that kind of object. */
export const sectionOf = (aggregateType: string): CustomerSection | undefined =>
  SECTION_OF[aggregateType]

export const ALL_CUSTOMER_SECTIONS: readonly CustomerSection[] = [
  'customer',
  'activities',
  'deals',
  'documents',
  'contracts',
  'licenses',
  'billing',
]
