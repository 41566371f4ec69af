import { lazy, type ComponentType, type ReactElement } from 'react'
import { createBrowserRouter } from 'react-router'
import { AuthCallback } from '../features/auth/auth-callback'
import { RequireAuth } from '../features/auth/require-auth'
import type { Role } from '../gql/graphql'
import { CALLBACK_PATH } from '../lib/oidc'
import { Home } from './home'
import { NotFound } from './not-found'
import { RequirePermission, RequireRole } from './require-role'
import {
  ACTIVITY_ROLES,
  CAMPAIGN_ROLES,
  CHANNEL_ROLES,
  COLLECTION_ROLES,
  FINANCE_ROLES,
  ORDER_ROLES,
  PRODUCT_ROLES,
  PERFORMANCE_ROLES,
  PLANNING_ROLES,
  PARTNER_BOOKING_ROLES,
  PORTAL_ROLES,
  PROJECT_ROLES,
  RENEWAL_ROLES,
  TEAM_ROLES,
  VENDOR_ROLES,
} from './roles'
import { AppShell } from './shell'

/**
 * A page loaded on first visit (its own chunk: the dashboard brings recharts, the board dnd-kit…),
 * so the first load carries only the shell. `AppShell` shows a loading state meanwhile.
 */
function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }))
}

const MyReminders = lazyPage(
  () => import('../features/activities/components/my-reminders'),
  'MyReminders',
)
const TeamReminders = lazyPage(
  () => import('../features/activities/components/team-reminders'),
  'TeamReminders',
)
const CustomerCreate = lazyPage(
  () => import('../features/customers/components/customer-create'),
  'CustomerCreate',
)
const CustomerEdit = lazyPage(
  () => import('../features/customers/components/customer-edit'),
  'CustomerEdit',
)
const CustomerList = lazyPage(
  () => import('../features/customers/components/customer-list'),
  'CustomerList',
)
const CampaignsPage = lazyPage(
  () => import('../features/sales/components/campaigns-page'),
  'CampaignsPage',
)
const PipelineBoard = lazyPage(
  () => import('../features/sales/components/pipeline-board'),
  'PipelineBoard',
)
const PipelineSettings = lazyPage(
  () => import('../features/sales/components/pipeline-settings'),
  'PipelineSettings',
)
const DealCreatePage = lazyPage(
  () => import('../features/sales/components/deal-create-page'),
  'DealCreatePage',
)
const SalesDashboard = lazyPage(
  () => import('../features/sales/components/sales-dashboard'),
  'SalesDashboard',
)
const WebhooksSettingsPage = lazyPage(() => import('./webhooks-page'), 'WebhooksSettingsPage')
const AuditPage = lazyPage(() => import('../features/audit/components/audit-page'), 'AuditPage')
const CustomerPage = lazyPage(() => import('./customer-page'), 'CustomerPage')
const DealPage = lazyPage(() => import('./deal-page'), 'DealPage')
const CataloguePage = lazyPage(() => import('./licensing-pages'), 'CataloguePage')
const CatalogueProductPage = lazyPage(() => import('./licensing-pages'), 'CatalogueProductPage')
const InvoiceDetailPage = lazyPage(() => import('./licensing-pages'), 'InvoiceDetailPage')
const LicenseDetailPage = lazyPage(() => import('./licensing-pages'), 'LicenseDetailPage')
const OrderDetailPage = lazyPage(() => import('./licensing-pages'), 'OrderDetailPage')
const OrderListPage = lazyPage(() => import('./licensing-pages'), 'OrderListPage')
const ProtectionKeyDetailPage = lazyPage(
  () => import('./licensing-pages'),
  'ProtectionKeyDetailPage',
)
const ShipmentDetailPage = lazyPage(() => import('./licensing-pages'), 'ShipmentDetailPage')
const LicensesPage = lazyPage(
  () => import('../features/licenses/components/licenses-page'),
  'LicensesPage',
)
const RenewalsPage = lazyPage(
  () => import('../features/licenses/components/renewals-page'),
  'RenewalsPage',
)
const VerifyLicensePage = lazyPage(
  () => import('../features/licenses/components/verify-page'),
  'VerifyLicensePage',
)
const InvoicesPage = lazyPage(
  () => import('../features/orders/components/invoices-page'),
  'InvoicesPage',
)
const OrderCreatePage = lazyPage(
  () => import('../features/orders/components/order-create-page'),
  'OrderCreatePage',
)

const ContractListPage = lazyPage(() => import('./contract-pages'), 'ContractListPage')
// the Gantt chart (@svar-ui/react-gantt) loads with the plan on the contract page only
const ContractDetailPage = lazyPage(() => import('./contract-pages'), 'ContractDetailPage')
const ContractCreatePage = lazyPage(
  () => import('../features/contracts/components/contract-create-page'),
  'ContractCreatePage',
)
const PlanningPage = lazyPage(
  () => import('../features/contracts/components/planning-page'),
  'PlanningPage',
)
const PaymentsPage = lazyPage(
  () => import('../features/billing/components/payments-page'),
  'PaymentsPage',
)
const PaymentPage = lazyPage(
  () => import('../features/billing/components/payment-page'),
  'PaymentPage',
)
const CollectionsPage = lazyPage(
  () => import('../features/billing/components/collections-page'),
  'CollectionsPage',
)
const BudgetPage = lazyPage(
  () => import('../features/billing/components/budget-page'),
  'BudgetPage',
)
const StatementPage = lazyPage(() => import('./billing-pages'), 'StatementPage')
const PartnersPage = lazyPage(
  () => import('../features/partners/components/partners-page'),
  'PartnersPage',
)
const ChannelPartnerPage = lazyPage(() => import('./channel-pages'), 'ChannelPartnerPage')
const PortalAccountPage = lazyPage(() => import('./channel-pages'), 'PortalAccountPage')
const VendorPartnerAccountPage = lazyPage(
  () => import('./channel-pages'),
  'VendorPartnerAccountPage',
)
const PartnerAccountListPage = lazyPage(
  () => import('../features/partner-accounts/components/partner-account-list'),
  'PartnerAccountListPage',
)
const TiersPage = lazyPage(() => import('../features/partners/components/tiers-page'), 'TiersPage')
const ChannelPartnerCreatePage = lazyPage(
  () => import('./channel-pages'),
  'ChannelPartnerCreatePage',
)
const RegistrationQueuePage = lazyPage(
  () => import('../features/registrations/components/registration-lists'),
  'RegistrationQueuePage',
)
const PartnerRegistrationsPage = lazyPage(
  () => import('../features/registrations/components/registration-lists'),
  'PartnerRegistrationsPage',
)
const RegisterDealRoute = lazyPage(() => import('./channel-pages'), 'RegisterDealRoute')
const RegistrationDetailPage = lazyPage(() => import('./channel-pages'), 'RegistrationDetailPage')
// recharts comes with the performance page only
const PerformancePage = lazyPage(
  () => import('../features/channel-performance/components/performance-page'),
  'PerformancePage',
)
const PortalDashboardPage = lazyPage(() => import('./channel-pages'), 'PortalDashboardPage')
const PortalSubDealersPage = lazyPage(() => import('./channel-pages'), 'PortalSubDealersPage')
const PortalSubDealerCreatePage = lazyPage(
  () => import('./channel-pages'),
  'PortalSubDealerCreatePage',
)
const PortalUsersPage = lazyPage(() => import('./channel-pages'), 'PortalUsersPage')

/** A page only users with one of `roles` see; others (partners: "not in the portal") are told so. */
const only = (roles: readonly Role[], page: ReactElement) => (
  <RequireRole roles={roles}>{page}</RequireRole>
)

export function createRouter() {
  return createBrowserRouter([
    { path: '/', element: <Home /> },
    { path: CALLBACK_PATH, element: <AuthCallback /> },
    {
      element: (
        <RequireAuth>
          <AppShell />
        </RequireAuth>
      ),
      children: [
        { path: 'customers', element: <CustomerList /> },
        {
          path: 'customers/new',
          element: (
            <RequirePermission action="CREATE" subject="CUSTOMER">
              <CustomerCreate />
            </RequirePermission>
          ),
        },
        { path: 'customers/:id', element: <CustomerPage /> },
        {
          path: 'customers/:id/statement',
          element: (
            <RequireRole roles={COLLECTION_ROLES}>
              <StatementPage />
            </RequireRole>
          ),
        },
        {
          path: 'customers/:id/edit',
          element: (
            <RequirePermission action="UPDATE" subject="CUSTOMER">
              <CustomerEdit />
            </RequirePermission>
          ),
        },
        {
          path: 'reminders',
          element: (
            <RequireRole roles={ACTIVITY_ROLES}>
              <MyReminders />
            </RequireRole>
          ),
        },
        {
          path: 'team',
          element: (
            <RequireRole roles={TEAM_ROLES}>
              <TeamReminders />
            </RequireRole>
          ),
        },
        { path: 'pipeline', element: <PipelineBoard /> },
        {
          path: 'deals/new',
          element: (
            <RequirePermission action="CREATE" subject="OPPORTUNITY">
              <DealCreatePage />
            </RequirePermission>
          ),
        },
        { path: 'opportunities/:id', element: <DealPage /> },
        // the vendor's sales reports: partners have their own dashboard (/portal)
        { path: 'dashboard', element: only(VENDOR_ROLES, <SalesDashboard />) },
        {
          path: 'campaigns',
          element: (
            <RequireRole roles={CAMPAIGN_ROLES}>
              <CampaignsPage />
            </RequireRole>
          ),
        },
        {
          path: 'settings/sales',
          element: (
            <RequirePermission action="UPDATE" subject="PIPELINE">
              <PipelineSettings />
            </RequirePermission>
          ),
        },
        {
          path: 'settings/webhooks',
          element: (
            <RequirePermission action="CREATE" subject="WEBHOOK_ENDPOINT">
              <WebhooksSettingsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'settings/audit',
          element: (
            <RequirePermission action="READ" subject="AUDIT">
              <AuditPage />
            </RequirePermission>
          ),
        },
        {
          path: 'products',
          element: (
            <RequireRole roles={PRODUCT_ROLES}>
              <CataloguePage />
            </RequireRole>
          ),
        },
        {
          path: 'products/:id',
          element: (
            <RequireRole roles={PRODUCT_ROLES}>
              <CatalogueProductPage />
            </RequireRole>
          ),
        },
        {
          path: 'orders',
          element: (
            <RequireRole roles={ORDER_ROLES}>
              <OrderListPage />
            </RequireRole>
          ),
        },
        {
          path: 'orders/new',
          element: (
            <RequirePermission action="CREATE" subject="ORDER">
              <OrderCreatePage />
            </RequirePermission>
          ),
        },
        {
          path: 'orders/:id',
          element: (
            <RequireRole roles={ORDER_ROLES}>
              <OrderDetailPage />
            </RequireRole>
          ),
        },
        {
          path: 'shipments/:id',
          element: (
            <RequireRole roles={ORDER_ROLES}>
              <ShipmentDetailPage />
            </RequireRole>
          ),
        },
        {
          path: 'invoices',
          element: (
            <RequireRole roles={ORDER_ROLES}>
              <InvoicesPage />
            </RequireRole>
          ),
        },
        {
          path: 'invoices/:id',
          element: (
            <RequireRole roles={ORDER_ROLES}>
              <InvoiceDetailPage />
            </RequireRole>
          ),
        },
        {
          path: 'licenses',
          element: (
            <RequireRole roles={ORDER_ROLES}>
              <LicensesPage />
            </RequireRole>
          ),
        },
        // any signed-in user may check a license, as the API allows
        { path: 'licenses/verify', element: <VerifyLicensePage /> },
        {
          path: 'licenses/:id',
          element: (
            <RequireRole roles={ORDER_ROLES}>
              <LicenseDetailPage />
            </RequireRole>
          ),
        },
        {
          path: 'keys/:id',
          element: (
            <RequireRole roles={ORDER_ROLES}>
              <ProtectionKeyDetailPage />
            </RequireRole>
          ),
        },
        {
          path: 'renewals',
          element: (
            <RequireRole roles={RENEWAL_ROLES}>
              <RenewalsPage />
            </RequireRole>
          ),
        },
        {
          path: 'contracts',
          element: (
            <RequireRole roles={PROJECT_ROLES}>
              <ContractListPage />
            </RequireRole>
          ),
        },
        {
          path: 'collections',
          element: (
            <RequireRole roles={COLLECTION_ROLES}>
              <CollectionsPage />
            </RequireRole>
          ),
        },
        {
          path: 'contracts/new',
          element: (
            <RequirePermission action="CREATE" subject="CONTRACT">
              <ContractCreatePage />
            </RequirePermission>
          ),
        },
        {
          path: 'contracts/:id',
          element: (
            <RequireRole roles={PROJECT_ROLES}>
              <ContractDetailPage />
            </RequireRole>
          ),
        },
        {
          path: 'payments',
          element: (
            <RequireRole roles={FINANCE_ROLES}>
              <PaymentsPage />
            </RequireRole>
          ),
        },
        {
          path: 'planning',
          element: (
            <RequireRole roles={PLANNING_ROLES}>
              <PlanningPage />
            </RequireRole>
          ),
        },
        {
          path: 'payments/:id',
          element: (
            <RequireRole roles={FINANCE_ROLES}>
              <PaymentPage />
            </RequireRole>
          ),
        },
        {
          path: 'budget',
          element: (
            <RequireRole roles={FINANCE_ROLES}>
              <BudgetPage />
            </RequireRole>
          ),
        },
        { path: 'channel/partners', element: only(CHANNEL_ROLES, <PartnersPage />) },
        {
          path: 'channel/partners/new',
          element: (
            <RequireRole roles={CHANNEL_ROLES}>
              <RequirePermission action="CREATE" subject="PARTNER">
                <ChannelPartnerCreatePage />
              </RequirePermission>
            </RequireRole>
          ),
        },
        { path: 'channel/partners/:id', element: only(CHANNEL_ROLES, <ChannelPartnerPage />) },
        {
          path: 'partner-accounts',
          element: only(PARTNER_BOOKING_ROLES, <PartnerAccountListPage />),
        },
        {
          path: 'partner-accounts/:partnerId',
          element: only(PARTNER_BOOKING_ROLES, <VendorPartnerAccountPage />),
        },
        { path: 'channel/tiers', element: only(CHANNEL_ROLES, <TiersPage />) },
        { path: 'channel/registrations', element: only(CHANNEL_ROLES, <RegistrationQueuePage />) },
        { path: 'channel/performance', element: only(CHANNEL_ROLES, <PerformancePage />) },
        { path: 'portal', element: only(PORTAL_ROLES, <PortalDashboardPage />) },
        { path: 'portal/performance', element: only(PERFORMANCE_ROLES, <PerformancePage />) },
        { path: 'portal/sub-dealers', element: only(PORTAL_ROLES, <PortalSubDealersPage />) },
        {
          path: 'portal/sub-dealers/new',
          element: (
            <RequirePermission action="CREATE" subject="PARTNER">
              {only(PORTAL_ROLES, <PortalSubDealerCreatePage />)}
            </RequirePermission>
          ),
        },
        { path: 'portal/users', element: only(PORTAL_ROLES, <PortalUsersPage />) },
        { path: 'portal/account', element: only(PORTAL_ROLES, <PortalAccountPage />) },
        { path: 'registrations', element: only(PORTAL_ROLES, <PartnerRegistrationsPage />) },
        {
          path: 'registrations/new',
          element: (
            <RequirePermission action="CREATE" subject="DEAL_REGISTRATION">
              <RegisterDealRoute />
            </RequirePermission>
          ),
        },
        {
          path: 'registrations/:id',
          element: only([...CHANNEL_ROLES, ...PORTAL_ROLES], <RegistrationDetailPage />),
        },
        { path: '*', element: <NotFound /> },
      ],
    },
  ])
}
