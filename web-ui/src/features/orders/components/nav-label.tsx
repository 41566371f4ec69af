import { useTranslation } from 'react-i18next'

/** The text of an entry of the orders feature in the main navigation. */
export function OrdersNavLabel({ area = 'orders' }: { area?: 'orders' | 'invoices' }) {
  const { t } = useTranslation('orders')
  return <>{t(`nav.${area}`)}</>
}
