import { useTranslation } from 'react-i18next'

/** The text of the orders' entry in the main navigation. */
export function OrdersNavLabel() {
  const { t } = useTranslation('orders')
  return <>{t('nav.orders')}</>
}
