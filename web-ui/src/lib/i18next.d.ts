import 'i18next'
import type { en } from './locales/en'
import type { en as sales } from '../features/sales/locales/en'
import type { en as products } from '../features/products/locales/en'
import type { en as orders } from '../features/orders/locales/en'
import type { en as licenses } from '../features/licenses/locales/en'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: {
      translation: typeof en
      sales: typeof sales
      products: typeof products
      orders: typeof orders
      licenses: typeof licenses
    }
    nsSeparator: false
  }
}
