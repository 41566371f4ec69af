// English: the reference catalogue of the texts the app and several features share (namespace
// `translation`; a feature's own texts are in its locales/). zh-CN and ru must have exactly the
// same keys (checked by the compiler through `Messages` and by src/lib/i18n.test.ts).
import type { Catalogue } from './catalogue'

export const en = {
  app: {
    name: 'DealerDesk',
    tagline: 'The CRM for software dealers: customers, contacts, deals and licenses in one place.',
    skipToContent: 'Skip to content',
  },
  common: {
    vendorOrganisation: 'The vendor, as an organisation',
    loading: 'Loading…',
    retry: 'Try again',
    cancel: 'Cancel',
    save: 'Save',
    saving: 'Saving…',
    edit: 'Edit',
    remove: 'Remove',
    back: 'Back',
    close: 'Close',
    notSet: '—',
    notSelected: '— not set —',
    required: 'required',
    loadMore: 'Load more',
    loadingMore: 'Loading…',
  },
  live: {
    connecting: 'Connecting…',
    live: 'Live',
    reconnecting: 'Reconnecting…',
  },
  dateField: {
    openCalendar: 'Open calendar',
    day: 'DD',
    month: 'MM',
    year: 'YYYY',
    invalid: 'Enter a real date as {{format}}.',
    tooEarly: 'Enter {{date}} or later.',
    tooLate: 'Enter {{date}} or earlier.',
  },
  timeField: {
    label: 'Time',
    of: 'Time ({{field}})',
    invalid: 'Enter a time such as {{example}}.',
  },
  language: {
    label: 'Language',
    en: 'English',
    'zh-CN': '简体中文',
    ru: 'Русский',
  },
  auth: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    signingIn: 'Signing you in…',
    signInFailed: 'Signing in did not work: {{message}}',
    sessionExpired: 'Your session has expired. Please sign in again.',
    landingTitle: 'Welcome to DealerDesk',
    landingText:
      'Sign in with your company account to see your customers, their contacts and your pipeline.',
    backToStart: 'Back to the start page',
  },
  shell: {
    mainNav: 'Main navigation',
    group: {
      sales: 'Sales',
      documents: 'Documents',
      licensing: 'Licensing',
      portal: 'Our business',
      finance: 'Finance',
      channel: 'Channel',
      settings: 'Settings',
    },
    customers: 'Customers',
    reminders: 'Reminders',
    team: 'Team',
    partnerPortal: 'Partner portal — {{name}}',
    userMenu: 'Signed in as {{name}}',
    role: {
      ADMIN: 'Administrator',
      SALES_MANAGER: 'Sales manager',
      SALES_REP: 'Sales rep',
      ACCOUNTANT: 'Accountant',
      PROJECT_MANAGER: 'Project manager',
      CHANNEL_MANAGER: 'Channel manager',
      PARTNER_USER: 'Partner',
      INTEGRATION: 'Integration',
    },
  },
  errors: {
    network: 'The server could not be reached. Check your connection and try again.',
    generic: 'Something went wrong: {{message}}',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is nothing at this address.',
    forbidden: 'You are not allowed to see this.',
    notInPortal: 'This screen is not available in the partner portal.',
    toPortal: 'Go to your dashboard',
  },
  priceBasis: { TIER_PRICE: '{{tier}} tier price', TIER_DISCOUNT: '{{tier}} tier discount' },
  userErrors: {
    REQUIRED: 'This is required.',
    TOO_LONG: 'This is too long or has too many items.',
    INVALID_FORMAT: 'This does not have the expected format.',
    INVALID_VALUE: 'This value is not acceptable here.',
    NOT_FOUND: 'This does not exist or is outside your scope.',
    STALE_VERSION: 'Someone else changed this in the meantime. Reload and try again.',
    NOT_ALLOWED: 'Your role does not allow this change.',
    CONFLICT: 'This conflicts with the current state.',
    detail: 'Server: {{message}}',
  },
}

/** The shape every language must fill in. */
export type Messages = Catalogue<typeof en>
