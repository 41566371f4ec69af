import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { PartnerAccountsQuery } from '../api/accounts'
import { PartnerAccountsSection } from './partner-accounts-section'

/**
 * A partner's account page: its balances, a statement and every entry. Partner users see their
 * own partner's (read only); the vendor's accountants book payments and adjustments here.
 */
export function PartnerAccountPage({
  partnerId,
  canManage = false,
  canBook = false,
  breadcrumb,
}: {
  partnerId: string
  canManage?: boolean
  canBook?: boolean
  breadcrumb?: ReactNode
}) {
  const { t } = useTranslation('partnerAccounts')
  // the section asks the same: one request
  const [result] = useQuery({ query: PartnerAccountsQuery, variables: { partnerId } })
  const name = result.data?.partner?.name
  return (
    <section className="page" aria-labelledby="partner-account-page-title">
      {breadcrumb ? <p className="breadcrumb">{breadcrumb}</p> : null}
      <header className="page-header">
        <div>
          <h1 id="partner-account-page-title">{t('page.title')}</h1>
          {name ? <p className="page-subtitle">{t('page.subtitle', { name })}</p> : null}
        </div>
      </header>
      <PartnerAccountsSection
        partnerId={partnerId}
        title={t('page.balances')}
        canManage={canManage}
        canBook={canBook}
      />
    </section>
  )
}
