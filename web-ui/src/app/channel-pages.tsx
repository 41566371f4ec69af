import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { Loading } from '../components/status'
import { useViewer } from '../features/auth/use-viewer'
import { OwnRebateCard } from '../features/channel-performance/components/own-rebate-card'
import { AccountBalanceCard } from '../features/partner-accounts/components/account-balance-card'
import { PartnerAccountPage } from '../features/partner-accounts/components/partner-account-page'
import { PartnerAccountsSection } from '../features/partner-accounts/components/partner-accounts-section'
import { PartnerCreatePage } from '../features/partners/components/partner-create-page'
import { PartnerPage } from '../features/partners/components/partner-page'
import { PartnerUsersSection } from '../features/partners/components/partner-users-section'
import { SubDealerList } from '../features/partners/components/sub-dealer-list'
import { PortalPipelineCard, PortalRenewalsCard } from '../features/portal/components/portal-cards'
import { RecentRegistrationsCard } from '../features/registrations/components/recent-registrations'
import { RegisterDealPage } from '../features/registrations/components/register-deal-page'
import { RegistrationPage } from '../features/registrations/components/registration-lists'
import { useCan } from '../lib/permissions'
import { CHANNEL_ROLES, hasAnyRole } from './roles'

/** The signed-in partner user's partner, or a loading state while the viewer is asked. */
function usePartner() {
  const { viewer, fetching } = useViewer()
  return { partner: viewer?.partner ?? null, loading: fetching && !viewer }
}

/**
 * /portal: a partner's dashboard — its pipeline, its registrations and their status, renewals due
 * and its rebate progress, each drawn by its feature.
 */
export function PortalDashboardPage() {
  const { t } = useTranslation('portal')
  const { partner, loading } = usePartner()
  if (loading) return <Loading />
  return (
    <section className="page portal-dashboard" aria-labelledby="portal-title">
      <header className="page-header">
        <div>
          <h1 id="portal-title">{t('dashboard.title')}</h1>
          {partner ? (
            <p className="page-subtitle">{t('dashboard.subtitle', { name: partner.name })}</p>
          ) : null}
        </div>
      </header>
      <div className="hub-grid">
        <PortalPipelineCard />
        <RecentRegistrationsCard />
        <PortalRenewalsCard />
        {partner ? <OwnRebateCard partnerId={partner.id} /> : null}
        {partner ? <AccountBalanceCard partnerId={partner.id} to="/portal/account" /> : null}
      </div>
    </section>
  )
}

/** /portal/sub-dealers: the partner's sub-dealers, and "New sub-dealer". */
export function PortalSubDealersPage() {
  const { t } = useTranslation('portal')
  const can = useCan()
  const { partner, loading } = usePartner()
  if (loading) return <Loading />
  if (!partner) return null
  return (
    <section className="page" aria-labelledby="sub-dealers-title">
      <header className="page-header">
        <div>
          <h1 id="sub-dealers-title">{t('subDealers.title')}</h1>
          <p className="page-subtitle">{t('subDealers.subtitle', { name: partner.name })}</p>
        </div>
        {can('CREATE', 'PARTNER') ? (
          <div className="page-actions">
            <Link to="/portal/sub-dealers/new" className="button button-primary">
              + {t('subDealers.new')}
            </Link>
          </div>
        ) : null}
      </header>
      <SubDealerList parentId={partner.id} emptyText={t('subDealers.none')} />
    </section>
  )
}

/** /portal/sub-dealers/new: a sub-dealer under the signed-in user's own partner. */
export function PortalSubDealerCreatePage() {
  const { partner, loading } = usePartner()
  if (loading) return <Loading />
  if (!partner) return null
  return <PartnerCreatePage parentId={partner.id} backTo="/portal/sub-dealers" pageOf={null} />
}

/** /portal/users: the partner's portal users, with invite and disable. */
export function PortalUsersPage() {
  const { t } = useTranslation('portal')
  const { partner, loading } = usePartner()
  if (loading) return <Loading />
  if (!partner) return null
  return (
    <section className="page" aria-labelledby="portal-users-title">
      <header className="page-header">
        <div>
          <h1 id="portal-users-title">{t('users.title')}</h1>
          <p className="page-subtitle">{t('users.subtitle', { name: partner.name })}</p>
        </div>
      </header>
      <PartnerUsersSection partnerId={partner.id} />
    </section>
  )
}

/** /portal/account: the partner's own balances, statement and entries, read only. */
export function PortalAccountPage() {
  const { partner, loading } = usePartner()
  if (loading) return <Loading />
  if (!partner) return null
  return <PartnerAccountPage partnerId={partner.id} />
}

/** What the signed-in user may do on a partner's account, as the API's permissions say. */
function useAccountRights() {
  const can = useCan()
  return {
    canManage: can('CREATE', 'PARTNER_ACCOUNT'),
    canBook: can('UPDATE', 'PARTNER_ACCOUNT'),
  }
}

/** /channel/partners/:id: the partner page, with its account under it. */
export function ChannelPartnerPage() {
  const id = useParams().id ?? ''
  const rights = useAccountRights()
  return <PartnerPage sections={<PartnerAccountsSection partnerId={id} {...rights} />} />
}

/** /partner-accounts/:partnerId: one partner's account, for the vendor's accountants. */
export function VendorPartnerAccountPage() {
  const { t } = useTranslation('partnerAccounts')
  const partnerId = useParams().partnerId ?? ''
  const rights = useAccountRights()
  return (
    <PartnerAccountPage
      partnerId={partnerId}
      {...rights}
      breadcrumb={<Link to="/partner-accounts">← {t('list.title')}</Link>}
    />
  )
}

/** /channel/partners/new: a partner (or, with `?parent=`, a sub-dealer) made by the channel manager. */
export function ChannelPartnerCreatePage() {
  return (
    <PartnerCreatePage
      backTo="/channel/partners"
      pageOf={(id) => `/channel/partners/${encodeURIComponent(id)}`}
    />
  )
}

/** /registrations/:id: one registration; the channel's people get links to the partner's page. */
export function RegistrationDetailPage() {
  const { viewer } = useViewer()
  return <RegistrationPage linkPartner={hasAnyRole(viewer?.roles, CHANNEL_ROLES)} />
}

/** /registrations/new: "register a deal", for the user's partner or one of its sub-dealers. */
export function RegisterDealRoute() {
  const { partner, loading } = usePartner()
  if (loading) return <Loading />
  return <RegisterDealPage partner={partner} />
}
