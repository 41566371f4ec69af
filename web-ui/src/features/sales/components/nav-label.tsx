import { useTranslation } from 'react-i18next'

/** The text of a sales entry in the main navigation. */
export function SalesNavLabel({
  area,
}: {
  area: 'pipeline' | 'dashboard' | 'campaigns' | 'settings'
}) {
  const { t } = useTranslation('sales')
  return <>{t(`nav.${area}`)}</>
}
