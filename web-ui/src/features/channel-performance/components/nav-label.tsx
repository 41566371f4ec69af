import { useTranslation } from 'react-i18next'

/** The text of the partner performance entry in the main navigation. */
export function PerformanceNavLabel() {
  const { t } = useTranslation('performance')
  return <>{t('nav.performance')}</>
}
