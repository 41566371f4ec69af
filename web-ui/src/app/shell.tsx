import { Suspense, useEffect, useRef, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, useLocation } from 'react-router'
import { LanguagePicker } from '../components/language-picker'
import { Loading } from '../components/status'
import type { Role } from '../gql/graphql'
import { useAuth } from '../features/auth/auth-context'
import { useViewer } from '../features/auth/use-viewer'
import { ContractsNavLabel } from '../features/contracts/components/nav-label'
import { BillingNavLabel } from '../features/billing/components/nav-label'
import { LicensesNavLabel } from '../features/licenses/components/nav-label'
import { OrdersNavLabel } from '../features/orders/components/nav-label'
import { ChannelNavLabel } from '../features/partners/components/nav-label'
import { PartnerAccountsNavLabel } from '../features/partner-accounts/components/nav-label'
import { PerformanceNavLabel } from '../features/channel-performance/components/nav-label'
import { PortalNavLabel } from '../features/portal/components/nav-label'
import { RegistrationsNavLabel } from '../features/registrations/components/nav-label'
import { ProductsNavLabel } from '../features/products/components/nav-label'
import { SalesNavLabel } from '../features/sales/components/nav-label'
import { WebhooksNavLabel } from '../features/webhooks/components/nav-label'
import { AuditNavLabel } from '../features/audit/components/nav-label'
import { PermissionsContext, can, type Permission } from '../lib/permissions'
import { NavGroup } from './nav-group'
import {
  ACTIVITY_ROLES,
  CAMPAIGN_ROLES,
  COLLECTION_ROLES,
  FINANCE_ROLES,
  ORDER_ROLES,
  PRODUCT_ROLES,
  PLANNING_ROLES,
  PORTAL_ROLES,
  PROJECT_ROLES,
  RENEWAL_ROLES,
  TEAM_ROLES,
} from './roles'

type NavItem = {
  to: string
  label: 'shell.customers' | 'shell.reminders' | 'shell.team' | ReactElement
  /** Everyone, users with one of these roles, or users with this permission. */
  shownTo: 'all' | readonly Role[] | Permission
  /** Active on this path only, not on the paths below it (e.g. /licenses, not /licenses/verify). */
  end?: boolean
}

type GroupId = 'portal' | 'sales' | 'documents' | 'licensing' | 'finance' | 'channel' | 'settings'

type NavEntry = NavItem | { group: GroupId; items: readonly NavItem[] }

/** Tiers are the vendor's alone: who may change them runs the channel. */
const CHANNEL: Permission = { action: 'UPDATE', subject: 'PARTNER_TIER' }

/**
 * Screens by role, grouped so the header fits at 1280 px in every language: a group shows as a
 * disclosure button with its entries, or, when a role sees only one of them, as that entry alone.
 */
const NAV: readonly NavEntry[] = [
  {
    // a partner's own business: what its users come to the portal for
    group: 'portal',
    items: [
      {
        to: '/portal',
        label: <PortalNavLabel area="dashboard" />,
        shownTo: PORTAL_ROLES,
        end: true,
      },
      {
        to: '/registrations',
        label: <RegistrationsNavLabel area="registrations" />,
        shownTo: PORTAL_ROLES,
      },
      {
        to: '/portal/performance',
        label: <PerformanceNavLabel />,
        shownTo: PORTAL_ROLES,
      },
      {
        to: '/portal/sub-dealers',
        label: <PortalNavLabel area="subDealers" />,
        shownTo: PORTAL_ROLES,
      },
      { to: '/portal/users', label: <PortalNavLabel area="users" />, shownTo: PORTAL_ROLES },
      {
        to: '/portal/account',
        label: <PartnerAccountsNavLabel area="account" />,
        shownTo: PORTAL_ROLES,
      },
      // the partner's own endpoints: part of its business, and the header has no room for
      // a top-level link beside the portal's groups in Russian at 1280 px
      { to: '/settings/webhooks', label: <WebhooksNavLabel />, shownTo: PORTAL_ROLES },
    ],
  },
  { to: '/customers', label: 'shell.customers', shownTo: 'all' },
  {
    group: 'sales',
    items: [
      { to: '/reminders', label: 'shell.reminders', shownTo: ACTIVITY_ROLES },
      { to: '/team', label: 'shell.team', shownTo: TEAM_ROLES },
      {
        to: '/pipeline',
        label: <SalesNavLabel area="pipeline" />,
        // partner users work their deals on the board too
        shownTo: ['SALES_REP', 'SALES_MANAGER', 'ADMIN', 'PARTNER_USER'],
      },
      {
        to: '/dashboard',
        label: <SalesNavLabel area="dashboard" />,
        shownTo: ['SALES_MANAGER', 'ADMIN'],
      },
      { to: '/campaigns', label: <SalesNavLabel area="campaigns" />, shownTo: CAMPAIGN_ROLES },
    ],
  },
  {
    group: 'documents',
    items: [
      { to: '/orders', label: <OrdersNavLabel />, shownTo: ORDER_ROLES },
      { to: '/invoices', label: <OrdersNavLabel area="invoices" />, shownTo: ORDER_ROLES },
      { to: '/contracts', label: <ContractsNavLabel area="contracts" />, shownTo: PROJECT_ROLES },
    ],
  },
  {
    group: 'licensing',
    items: [
      {
        to: '/licenses',
        label: <LicensesNavLabel area="licenses" />,
        shownTo: ORDER_ROLES,
        end: true,
      },
      { to: '/renewals', label: <LicensesNavLabel area="renewals" />, shownTo: RENEWAL_ROLES },
      // any signed-in user may check a license, as the API allows
      { to: '/licenses/verify', label: <LicensesNavLabel area="verify" />, shownTo: 'all' },
      { to: '/products', label: <ProductsNavLabel />, shownTo: PRODUCT_ROLES },
    ],
  },
  {
    // reps see only their customers' collections (a plain link); partners see none of it
    group: 'finance',
    items: [
      {
        to: '/collections',
        label: <BillingNavLabel area="collections" />,
        shownTo: COLLECTION_ROLES,
      },
      { to: '/payments', label: <BillingNavLabel area="payments" />, shownTo: FINANCE_ROLES },
      { to: '/budget', label: <BillingNavLabel area="budget" />, shownTo: FINANCE_ROLES },
      // partners' money: accountants book payments there (channel managers: under the channel)
      {
        to: '/partner-accounts',
        label: <PartnerAccountsNavLabel area="accounts" />,
        shownTo: ['ADMIN', 'ACCOUNTANT'],
      },
      // the budget's other half: people's time planned in contract tasks
      { to: '/planning', label: <ContractsNavLabel area="planning" />, shownTo: PLANNING_ROLES },
    ],
  },
  {
    // the vendor's channel, as the API allows it (channel managers, the vendor's admins)
    group: 'channel',
    items: [
      { to: '/channel/partners', label: <ChannelNavLabel area="partners" />, shownTo: CHANNEL },
      {
        to: '/channel/registrations',
        label: <RegistrationsNavLabel area="queue" />,
        shownTo: { action: 'APPROVE', subject: 'DEAL_REGISTRATION' },
      },
      { to: '/channel/performance', label: <PerformanceNavLabel />, shownTo: CHANNEL },
      { to: '/channel/tiers', label: <ChannelNavLabel area="tiers" />, shownTo: CHANNEL },
      {
        to: '/partner-accounts',
        label: <PartnerAccountsNavLabel area="accounts" />,
        shownTo: ['CHANNEL_MANAGER'],
      },
    ],
  },
  {
    group: 'settings',
    items: [
      {
        to: '/settings/sales',
        label: <SalesNavLabel area="settings" />,
        shownTo: { action: 'UPDATE', subject: 'PIPELINE' },
      },
      {
        to: '/settings/webhooks',
        label: <WebhooksNavLabel />,
        // the vendor's admins; partner users find their endpoints under their business
        shownTo: ['ADMIN'],
      },
      {
        to: '/settings/audit',
        label: <AuditNavLabel />,
        shownTo: { action: 'READ', subject: 'AUDIT' },
      },
    ],
  },
]

const visibleTo =
  (roles: readonly Role[], permissions: readonly Permission[]) =>
  ({ shownTo }: NavItem) =>
    shownTo === 'all'
      ? true
      : 'action' in shownTo
        ? can(permissions, shownTo.action, shownTo.subject)
        : shownTo.some((role) => roles.includes(role))

const isUnder = (pathname: string, item: NavItem) =>
  item.end ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`)

function MainNav({
  roles,
  permissions,
}: {
  roles: readonly Role[]
  permissions: readonly Permission[]
}) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const navRef = useRef<HTMLElement>(null)
  // the open group belongs to the page it was opened on: following a link closes it
  const [opened, setOpened] = useState<{ group: GroupId; pathname: string } | null>(null)
  const openGroup = opened?.pathname === pathname ? opened.group : null

  useEffect(() => {
    if (!openGroup) return
    const closeOutside = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpened(null)
    }
    document.addEventListener('pointerdown', closeOutside)
    return () => document.removeEventListener('pointerdown', closeOutside)
  }, [openGroup])

  const link = (item: NavItem) => (
    <li key={item.to}>
      <NavLink to={item.to} end={item.end}>
        {typeof item.label === 'string' ? t(item.label) : item.label}
      </NavLink>
    </li>
  )

  return (
    <nav ref={navRef} aria-label={t('shell.mainNav')} className="main-nav">
      <ul>
        {NAV.map((entry) => {
          if (!('group' in entry)) return visibleTo(roles, permissions)(entry) ? link(entry) : null
          const items = entry.items.filter(visibleTo(roles, permissions))
          if (items.length <= 1) return items.map(link)
          return (
            <NavGroup
              key={entry.group}
              label={t(`shell.group.${entry.group}`)}
              current={items.some((item) => isUnder(pathname, item))}
              open={openGroup === entry.group}
              onOpenChange={(open) => setOpened(open ? { group: entry.group, pathname } : null)}
            >
              {items.map(link)}
            </NavGroup>
          )
        })}
      </ul>
    </nav>
  )
}

const NO_PERMISSIONS: readonly Permission[] = []

/** Header, navigation and the current page, given what the signed-in user may change. */
export function AppShell() {
  const { t } = useTranslation()
  const auth = useAuth()
  const { viewer } = useViewer()
  const roles = viewer?.roles ?? []
  const permissions = viewer?.permissions ?? NO_PERMISSIONS
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
        <MainNav roles={roles} permissions={permissions} />
        {viewer?.partner ? (
          // cut with "…" when the header is tight: the whole text as a tooltip
          <span
            className="badge badge-partner"
            title={t('shell.partnerPortal', { name: viewer.partner.name })}
          >
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
        {/* pages load as their own chunks on first visit (router.tsx): the header stays */}
        <PermissionsContext.Provider value={permissions}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </PermissionsContext.Provider>
      </main>
    </div>
  )
}
