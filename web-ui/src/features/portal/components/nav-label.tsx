import { useTranslation } from 'react-i18next'

/** The text of a partner portal entry in the main navigation. */
export function PortalNavLabel({ area }: { area: 'dashboard' | 'subDealers' | 'users' }) {
  const { t } = useTranslation('portal')
  return <>{t(`nav.${area}`)}</>
}
