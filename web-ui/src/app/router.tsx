import { createBrowserRouter } from 'react-router'
import { MyReminders } from '../features/activities/components/my-reminders'
import { TeamReminders } from '../features/activities/components/team-reminders'
import { AuthCallback } from '../features/auth/auth-callback'
import { RequireAuth } from '../features/auth/require-auth'
import { CustomerCreate } from '../features/customers/components/customer-create'
import { CustomerEdit } from '../features/customers/components/customer-edit'
import { CustomerList } from '../features/customers/components/customer-list'
import { CampaignsPage } from '../features/sales/components/campaigns-page'
import { DealCreatePage } from '../features/sales/components/deal-create-page'
import { PipelineBoard } from '../features/sales/components/pipeline-board'
import { PipelineSettings } from '../features/sales/components/pipeline-settings'
import { SalesDashboard } from '../features/sales/components/sales-dashboard'
import { CALLBACK_PATH } from '../lib/oidc'
import { CustomerPage } from './customer-page'
import { DealPage } from './deal-page'
import {
  CataloguePage,
  CatalogueProductPage,
  InvoiceDetailPage,
  LicenseDetailPage,
  OrderDetailPage,
  OrderListPage,
  ProtectionKeyDetailPage,
  ShipmentDetailPage,
} from './licensing-pages'
import { LicensesPage } from '../features/licenses/components/licenses-page'
import { RenewalsPage } from '../features/licenses/components/renewals-page'
import { VerifyLicensePage } from '../features/licenses/components/verify-page'
import { InvoicesPage } from '../features/orders/components/invoices-page'
import { OrderCreatePage } from '../features/orders/components/order-create-page'
import { Home } from './home'
import { NotFound } from './not-found'
import { RequireRole } from './require-role'
import {
  ACTIVITY_ROLES,
  CAMPAIGN_ROLES,
  DEAL_EDIT_ROLES,
  ORDER_EDIT_ROLES,
  ORDER_ROLES,
  PRODUCT_ROLES,
  RENEWAL_ROLES,
  SALES_SETTINGS_ROLES,
  TEAM_ROLES,
} from './roles'
import { AppShell } from './shell'

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
        { path: 'customers/new', element: <CustomerCreate /> },
        { path: 'customers/:id', element: <CustomerPage /> },
        { path: 'customers/:id/edit', element: <CustomerEdit /> },
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
            <RequireRole roles={DEAL_EDIT_ROLES}>
              <DealCreatePage />
            </RequireRole>
          ),
        },
        { path: 'opportunities/:id', element: <DealPage /> },
        { path: 'dashboard', element: <SalesDashboard /> },
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
            <RequireRole roles={SALES_SETTINGS_ROLES}>
              <PipelineSettings />
            </RequireRole>
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
            <RequireRole roles={ORDER_EDIT_ROLES}>
              <OrderCreatePage />
            </RequireRole>
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
        { path: '*', element: <NotFound /> },
      ],
    },
  ])
}
