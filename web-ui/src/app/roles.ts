import type { Role } from '../gql/graphql'

/** Roles that record activities and have reminders of their own. */
export const ACTIVITY_ROLES: readonly Role[] = [
  'ADMIN',
  'SALES_MANAGER',
  'SALES_REP',
  'PARTNER_USER',
]

/** Roles that see their team's follow-ups and may remind others. */
export const TEAM_ROLES: readonly Role[] = ['ADMIN', 'SALES_MANAGER']

/** Roles that create and change deals and their quotes (the API's sales writers). */
export const DEAL_EDIT_ROLES: readonly Role[] = [
  'ADMIN',
  'SALES_MANAGER',
  'SALES_REP',
  'PARTNER_USER',
]

/** Roles that plan campaigns and see what they brought. */
export const CAMPAIGN_ROLES: readonly Role[] = ['ADMIN', 'SALES_MANAGER']

/** Roles that set up the pipeline and the lost reasons. */
export const SALES_SETTINGS_ROLES: readonly Role[] = ['ADMIN']

/** Roles whose start page is "My reminders" (everyone else starts at the customers). */
export const REMINDERS_HOME_ROLES: readonly Role[] = ['SALES_REP', 'SALES_MANAGER']

export function hasAnyRole(roles: readonly Role[] | undefined, wanted: readonly Role[]): boolean {
  return Boolean(roles?.some((role) => wanted.includes(role)))
}

/** Where "/" leads a signed-in user. */
export function startPathFor(roles: readonly Role[] | undefined): string {
  return hasAnyRole(roles, REMINDERS_HOME_ROLES) ? '/reminders' : '/customers'
}

/** Roles that see the product catalogue (partners order through their own screens). */
export const PRODUCT_ROLES: readonly Role[] = ['ADMIN', 'SALES_MANAGER', 'SALES_REP', 'ACCOUNTANT']

/** Roles that change the catalogue. */
export const PRODUCT_ADMIN_ROLES: readonly Role[] = ['ADMIN']

/** Roles that see orders, shipments and licenses (partners: of their own customers). */
export const ORDER_ROLES: readonly Role[] = [
  'ADMIN',
  'SALES_MANAGER',
  'SALES_REP',
  'ACCOUNTANT',
  'PARTNER_USER',
]

/** Roles that create orders, ship them and issue licenses. */
export const ORDER_EDIT_ROLES: readonly Role[] = [
  'ADMIN',
  'SALES_MANAGER',
  'SALES_REP',
  'PARTNER_USER',
]

/** Roles that invoice shipments (as the API allows: sales writers and accountants). */
export const INVOICE_ROLES: readonly Role[] = [
  'ADMIN',
  'SALES_MANAGER',
  'SALES_REP',
  'PARTNER_USER',
  'ACCOUNTANT',
]

/**
 * Roles that change a license's terms (extend, suspend, resume, revoke): the API allows
 * admins and sales managers only.
 */
export const LICENSE_ADMIN_ROLES: readonly Role[] = ['ADMIN', 'SALES_MANAGER']

/** Roles that renew expiring licenses. */
export const RENEWAL_ROLES: readonly Role[] = [
  'ADMIN',
  'SALES_MANAGER',
  'SALES_REP',
  'PARTNER_USER',
]
