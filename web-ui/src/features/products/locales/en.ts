// English: the reference catalogue of the products feature (i18next namespace `products`). zh-CN
// and ru must have exactly the same keys (checked by the compiler through `ProductsMessages` and
// by src/lib/i18n.test.ts).
import type { Catalogue } from '../../../lib/locales/catalogue'

export const en = {
  nav: { products: 'Products' },
  list: {
    title: 'Products',
    subtitle: 'The catalogue: programs, services and protection keys with their prices.',
    readOnly: 'Only administrators change the catalogue.',
    search: 'Search products',
    searchPlaceholder: 'Code or name',
    kind: 'Kind',
    allKinds: 'All kinds',
    includeRetired: 'Show retired products',
    empty: {
      none: 'No products yet.',
      search: 'No products match “{{query}}”.',
      filters: 'No products of this kind.',
    },
    new: 'New product',
    loadMore: 'Load more',
    loadingMore: 'Loading…',
    editions: 'Editions',
  },
  field: {
    code: 'Code',
    name: 'Name',
    description: 'Description',
    kind: 'Kind',
    licenseModel: 'License model',
    termMonths: 'Term (months)',
    seatBasis: 'Seats count',
    status: 'Status',
    createdAt: 'Created',
    updatedAt: 'Updated',
  },
  kind: {
    PROGRAM: 'Program',
    SERVICE: 'Service',
    PROTECTION_KEY: 'Protection key',
  },
  licenseModel: {
    PERPETUAL: 'Perpetual',
    SUBSCRIPTION: 'Subscription',
    TIME_LIMITED: 'Time-limited',
    TRIAL: 'Trial',
    NONE: 'No license',
  },
  seatBasis: {
    PER_SEAT: 'Per seat (one license per line)',
    PER_MACHINE: 'Per machine (one license per unit)',
  },
  state: {
    active: 'Active',
    retired: 'Retired',
  },
  editions: {
    title: 'Editions',
    none: 'No editions: the product is sold as it is.',
    edition: 'Edition {{number}}',
    code: 'Edition code',
    name: 'Edition name',
    active: 'Orderable',
    add: 'Add edition',
    remove: 'Remove edition {{number}}',
  },
  prices: {
    title: 'Prices',
    none: 'No prices yet.',
    price: 'Price {{number}}',
    edition: 'Edition',
    productPrice: 'The product’s own price',
    tier: 'Partner tier',
    tierHint: 'Empty for the list price.',
    listPrice: 'List price',
    currency: 'Currency',
    unitPrice: 'Unit price',
    add: 'Add price',
    remove: 'Remove price {{number}}',
  },
  form: {
    newTitle: 'New product',
    editTitle: 'Edit {{code}}',
    create: 'Create product',
    save: 'Save product',
    problems: 'The product was not saved:',
    created: 'Product {{code}} created.',
    saved: 'The product was saved.',
    staleVersion: 'Someone else changed this product. Reload it to see their changes.',
    reload: 'Reload',
  },
  detail: {
    back: 'All products',
    notFound: 'This product does not exist.',
    edit: 'Edit',
    retire: 'Retire',
    reactivate: 'Reactivate',
    retireHint: 'A retired product stays on documents and licenses but cannot be ordered.',
    stateProblems: 'The product’s state was not changed:',
    details: 'Details',
  },
}

/** The shape every language must fill in. */
export type ProductsMessages = Catalogue<typeof en>
