// English: the reference catalogue of the `audit` namespace. zh-CN and ru must have exactly the
// same keys (checked by the compiler through `AuditMessages` and by src/lib/i18n.test.ts).
import type { Catalogue } from '../../../lib/locales/catalogue'

export const en = {
  nav: { audit: 'Audit trail' },
  page: {
    title: 'Audit trail',
    subtitle: 'Who changed what and when, logins, refused tokens and refused changes.',
    empty: 'No audit entries match.',
    loadError: 'The audit trail could not be loaded.',
    loadMore: 'Load more',
    loadingMore: 'Loading…',
  },
  filter: {
    label: 'Filter the audit trail',
    record: 'Record id',
    recordHint: 'An id from the API',
    actor: 'User or client',
    actorHint: 'Token subject',
    from: 'From',
    to: 'Until',
    kind: 'Kind',
    allKinds: 'All kinds',
    apply: 'Apply',
    clear: 'Clear',
  },
  column: {
    at: 'When',
    kind: 'Kind',
    who: 'Who',
    operation: 'Operation',
    what: 'What',
    details: 'Details',
  },
  kind: {
    CHANGE: 'Change',
    LOGIN: 'Login',
    TOKEN_REFUSED: 'Token refused',
    ACCESS_DENIED: 'Access denied',
  },
  change: { INSERT: 'Created', UPDATE: 'Changed', DELETE: 'Deleted' },
  row: { show: 'Show', hide: 'Hide' },
  diff: {
    field: 'Field',
    before: 'Before',
    after: 'After',
    redacted: 'Changed (value not recorded)',
    none: 'No fields changed.',
  },
}

/** The shape every language must fill in. */
export type AuditMessages = Catalogue<typeof en>
