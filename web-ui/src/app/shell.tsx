import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet } from 'react-router'
import { LanguagePicker } from '../components/language-picker'
import type { Role } from '../gql/graphql'
import { useAuth } from '../features/auth/auth-context'
import { useViewer } from '../features/auth/use-viewer'
import { LicensesNavLabel } from '../features/licenses/components/nav-label'
import { OrdersNavLabel } from '../features/orders/components/nav-label'
import { ProductsNavLabel } from '../features/products/components/nav-label'
import { SalesNavLabel } from '../features/sales/components/nav-label'
import { PermissionsContext, can, type Permission } from '../lib/permissions'
import {
  ACTIVITY_ROLES,
  CAMPAIGN_ROLES,
  ORDER_ROLES,
  PRODUCT_ROLES,
  RENEWAL_ROLES,
  TEAM_ROLES,
} from './roles'

type NavItem = {
  to: string
  label: 'shell.customers' | 'shell.reminders' | 'shell.team' | ReactElement
  /** Everyone, users with one of these roles, or users with this permission. */
  shownTo: 'all' | readonly Role[] | Permission
}

/** Screens by role; more areas (deals, licenses, billing…) join here with the roles that see them. */
const NAV: readonly NavItem[] = [
  { to: '/reminders', label: 'shell.reminders', shownTo: ACTIVITY_ROLES },
  { to: '/customers', label: 'shell.customers', shownTo: 'all' },
  {
    to: '/pipeline',
    label: <SalesNavLabel area="pipeline" />,
    shownTo: ['SALES_REP', 'SALES_MANAGER', 'ADMIN'],
  },
  { to: '/team', label: 'shell.team', shownTo: TEAM_ROLES },
  {
    to: '/dashboard',
    label: <SalesNavLabel area="dashboard" />,
    shownTo: ['SALES_MANAGER', 'ADMIN'],
  },
  { to: '/campaigns', label: <SalesNavLabel area="campaigns" />, shownTo: CAMPAIGN_ROLES },
  { to: '/products', label: <ProductsNavLabel />, shownTo: PRODUCT_ROLES },
  { to: '/orders', label: <OrdersNavLabel />, shownTo: ORDER_ROLES },
  { to: '/invoices', label: <OrdersNavLabel area="invoices" />, shownTo: ORDER_ROLES },
  { to: '/licenses', label: <LicensesNavLabel area="licenses" />, shownTo: ORDER_ROLES },
  { to: '/renewals', label: <LicensesNavLabel area="renewals" />, shownTo: RENEWAL_ROLES },
  {
    to: '/settings/sales',
    label: <SalesNavLabel area="settings" />,
    shownTo: { action: 'UPDATE', subject: 'PIPELINE' },
  },
]

const NO_PERMISSIONS: readonly Permission[] = []

/** Header, navigation and the current page, given what the signed-in user may change. */
export function AppShell() {
  const { t } = useTranslation()
  const auth = useAuth()
  const { viewer } = useViewer()
  const roles = viewer?.roles ?? []
  const permissions = viewer?.permissions ?? NO_PERMISSIONS
  const items = NAV.filter(({ shownTo }) =>
    shownTo === 'all'
      ? true
      : 'action' in shownTo
        ? can(permissions, shownTo.action, shownTo.subject)
        : shownTo.some((role) => roles.includes(role)),
  )
  const name =
    viewer?.user?.name ?? (auth.user?.profile.name as string | undefined) ?? viewer?.subject ?? ''

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('shell.mainNav')} className="main-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>
                  {typeof item.label === 'string' ? t(item.label) : item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {viewer?.partner ? (
          <span className="badge badge-partner">
            {t('shell.partnerPortal', { name: viewer.partner.name })}
          </span>
        ) : null}
        <div className="header-end">
          {name ? (
            <span className="user" title={t('shell.userMenu', { name })}>
              <span className="user-name">{name}</span>
              {roles.length > 0 ? (
                <span className="user-roles">
                  {roles.map((role) => t(`shell.role.${role}`)).join(', ')}
                </span>
              ) : null}
            </span>
          ) : null}
          <LanguagePicker />
          <button type="button" className="button" onClick={() => void auth.signOut()}>
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <PermissionsContext.Provider value={permissions}>
          <Outlet />
        </PermissionsContext.Provider>
      </main>
    </div>
  )
}
