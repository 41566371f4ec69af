import 'i18next'
import type { en } from './locales/en'
import type { en as customers } from '../features/customers/locales/en'
import type { en as activities } from '../features/activities/locales/en'
import type { en as mail } from '../features/mail/locales/en'
import type { en as sales } from '../features/sales/locales/en'
import type { en as products } from '../features/products/locales/en'
import type { en as orders } from '../features/orders/locales/en'
import type { en as licenses } from '../features/licenses/locales/en'
import type { en as webhooks } from '../features/webhooks/locales/en'
import type { en as audit } from '../features/audit/locales/en'
import type { en as contracts } from '../features/contracts/locales/en'
import type { en as billing } from '../features/billing/locales/en'
import type { en as registrations } from '../features/registrations/locales/en'
import type { en as partners } from '../features/partners/locales/en'
import type { en as performance } from '../features/channel-performance/locales/en'
import type { en as portal } from '../features/portal/locales/en'
import type { en as partnerAccounts } from '../features/partner-accounts/locales/en'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: {
      translation: typeof en
      customers: typeof customers
      activities: typeof activities
      mail: typeof mail
      sales: typeof sales
      products: typeof products
      orders: typeof orders
      licenses: typeof licenses
      webhooks: typeof webhooks
      audit: typeof audit
      contracts: typeof contracts
      billing: typeof billing
      portal: typeof portal
      performance: typeof performance
      partners: typeof partners
      registrations: typeof registrations
      partnerAccounts: typeof partnerAccounts
    }
    nsSeparator: false
  }
}
