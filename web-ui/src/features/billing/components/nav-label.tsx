import { useTranslation } from 'react-i18next'

/** The text of an entry of the billing feature in the main navigation. */
export function BillingNavLabel({ area }: { area: 'collections' | 'payments' | 'budget' }) {
  const { t } = useTranslation('billing')
  return <>{t(`nav.${area}`)}</>
}
