// English: the reference catalogue of the `portal` namespace (a partner's own screens). zh-CN and
// ru must have exactly the same keys (checked by the compiler and by src/lib/i18n.test.ts).
import type { Catalogue } from '../../../lib/locales/catalogue'

export const en = {
  nav: { dashboard: 'Dashboard', subDealers: 'Sub-dealers', users: 'Our users' },
  dashboard: {
    title: 'Dashboard',
    subtitle: 'The business of {{name}}: pipeline, registrations, renewals and rebates.',
  },
  pipeline: {
    title: 'Pipeline',
    board: 'Open the board',
    empty: 'No open deals.',
    stage: 'Stage',
    deals: 'Deals',
    amount: 'Amount',
  },
  renewals: {
    title: 'Renewals due in {{days}} days',
    all: 'All renewals',
    empty: 'No license ends soon.',
    ends: 'ends {{date}}',
    more: 'More in the renewals list.',
  },
  subDealers: {
    title: 'Sub-dealers',
    subtitle: 'Dealers selling under {{name}}: you see their business as well as your own.',
    new: 'New sub-dealer',
    none: 'No sub-dealers yet.',
  },
  users: {
    title: 'Our users',
    subtitle: 'The people of {{name}} who work in this portal.',
  },
}

export type PortalMessages = Catalogue<typeof en>
