import { useTranslation } from 'react-i18next'

/** The text of the catalogue's entry in the main navigation. */
export function ProductsNavLabel() {
  const { t } = useTranslation('products')
  return <>{t('nav.products')}</>
}
