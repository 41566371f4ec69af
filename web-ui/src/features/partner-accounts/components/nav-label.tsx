import { useTranslation } from 'react-i18next'

/** The text of a partner account entry in the main navigation. */
export function PartnerAccountsNavLabel({ area }: { area: 'account' | 'accounts' }) {
  const { t } = useTranslation('partnerAccounts')
  return <>{t(`nav.${area}`)}</>
}
