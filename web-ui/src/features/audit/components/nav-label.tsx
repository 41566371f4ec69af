import { useTranslation } from 'react-i18next'

/** The text of the audit trail's entry in the main navigation. */
export function AuditNavLabel() {
  const { t } = useTranslation('audit')
  return <>{t('nav.audit')}</>
}
