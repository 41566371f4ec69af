import { useTranslation } from 'react-i18next'

/** The text of the webhooks entry in the main navigation. */
export function WebhooksNavLabel() {
  const { t } = useTranslation('webhooks')
  return <>{t('nav.webhooks')}</>
}
