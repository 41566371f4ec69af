// English: the reference catalogue of the `performance` namespace. zh-CN and ru must have exactly
// the same keys (checked by the compiler through `PerformanceMessages` and by src/lib/i18n.test.ts).
import type { Catalogue } from '../../../lib/locales/catalogue'

export const en = {
  nav: { performance: 'Partner performance' },
  page: {
    title: 'Partner performance',
    subtitle: 'Sales, deal registrations and rebates by partner.',
    period: 'Period',
    currency: 'Currency',
    currencyNote:
      'Figures in {{currency}}; business in other currencies is left out, not converted.',
    empty: 'No partner business or registrations in this period and currency.',
  },
  period: {
    thisYear: 'This year',
    thisQuarter: 'This quarter',
    last12Months: 'Last 12 months',
    lastYear: 'Last year',
  },
  total: {
    sales: 'Sales',
    orders: 'Orders',
    submitted: 'Submitted',
    approved: 'Approved',
    rejected: 'Rejected',
    converted: 'Converted',
  },
  chart: {
    byPartner: 'Sales by partner',
    byRegion: 'Sales by region',
    byProduct: 'Sales by product',
    registrations: 'Registrations by status',
    noRegion: 'No region',
  },
  rebate: {
    title: 'Rebate progress this year',
    noAgreement: 'No agreement with rebate bands yet.',
    none: 'No partner has an agreement with rebate bands in this currency.',
    progressLabel: 'Progress of {{name}} towards the next rebate band',
    volume: 'Volume {{volume}}',
    band: '{{percent}} band reached, {{accrued}} accrued',
    belowFirst: 'Below the first band',
    needed: '{{needed}} more needed for the {{percent}} band',
    top: 'Top band reached',
  },
  table: { title: 'Figures by partner', partner: 'Partner', accrued: 'Rebate accrued' },
}

export type PerformanceMessages = Catalogue<typeof en>
