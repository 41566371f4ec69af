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

/** Roles that plan campaigns and see what they brought. */
export const CAMPAIGN_ROLES: readonly Role[] = ['ADMIN', 'SALES_MANAGER']

/** Roles whose start page is "My reminders" (everyone else starts at the customers). */
export const REMINDERS_HOME_ROLES: readonly Role[] = ['SALES_REP', 'SALES_MANAGER']

export function hasAnyRole(roles: readonly Role[] | undefined, wanted: readonly Role[]): boolean {
  return Boolean(roles?.some((role) => wanted.includes(role)))
}

/** Roles whose start page is the contracts (project managers plan their projects there). */
export const CONTRACTS_HOME_ROLES: readonly Role[] = ['PROJECT_MANAGER']

/** Where "/" leads a signed-in user. */
export function startPathFor(roles: readonly Role[] | undefined): string {
  // a partner's users work in their portal; channel managers start at the registration queue
  if (hasAnyRole(roles, PORTAL_ROLES)) return '/portal'
  if (hasAnyRole(roles, ['CHANNEL_MANAGER']) && !hasAnyRole(roles, ['ADMIN'])) {
    return '/channel/registrations'
  }
  if (hasAnyRole(roles, REMINDERS_HOME_ROLES)) return '/reminders'
  return hasAnyRole(roles, CONTRACTS_HOME_ROLES) ? '/contracts' : '/customers'
}

/** Roles that see the product catalogue (partners order through their own screens). */
export const PRODUCT_ROLES: readonly Role[] = ['ADMIN', 'SALES_MANAGER', 'SALES_REP', 'ACCOUNTANT']

/** Roles that see orders, shipments and licenses (partners: of their own customers). */
export const ORDER_ROLES: readonly Role[] = [
  'ADMIN',
  'SALES_MANAGER',
  'SALES_REP',
  'ACCOUNTANT',
  'PARTNER_USER',
]

/**
 * Roles that see payment plans (on orders, invoices and licenses): everyone who sees orders, and
 * project managers. Partners make plans for their customers but see no payments.
 */
export const BILLING_ROLES: readonly Role[] = [...ORDER_ROLES, 'PROJECT_MANAGER']

/** Roles that see collections (reps: of their own customers, as the API scopes them). */
export const COLLECTION_ROLES: readonly Role[] = [
  'ADMIN',
  'ACCOUNTANT',
  'SALES_MANAGER',
  'SALES_REP',
]

/** Roles that see payments and the income budget. */
export const FINANCE_ROLES: readonly Role[] = ['ADMIN', 'ACCOUNTANT', 'SALES_MANAGER']

/** Roles that renew expiring licenses. */
export const RENEWAL_ROLES: readonly Role[] = [
  'ADMIN',
  'SALES_MANAGER',
  'SALES_REP',
  'PARTNER_USER',
]

/** Roles that see contracts and their plans. */
export const PROJECT_ROLES: readonly Role[] = [
  'ADMIN',
  'SALES_MANAGER',
  'SALES_REP',
  'PARTNER_USER',
  'ACCOUNTANT',
  'PROJECT_MANAGER',
]

/** Roles that see people's planned time: the vendor's managers, accountants and project managers. */
export const PLANNING_ROLES: readonly Role[] = [
  'ADMIN',
  'SALES_MANAGER',
  'ACCOUNTANT',
  'PROJECT_MANAGER',
]

/** Roles that run the channel: partners, tiers, agreements, the registration queue. */
export const CHANNEL_ROLES: readonly Role[] = ['ADMIN', 'CHANNEL_MANAGER']

/** Roles that book payments and adjustments on partner accounts: the channel and accountants. */
export const PARTNER_BOOKING_ROLES: readonly Role[] = [...CHANNEL_ROLES, 'ACCOUNTANT']

/** Roles that work in a partner's portal (its dashboard, registrations, sub-dealers, users). */
export const PORTAL_ROLES: readonly Role[] = ['PARTNER_USER']

/** Roles that see partner performance: the channel (all partners) and partners (their own). */
export const PERFORMANCE_ROLES: readonly Role[] = [...CHANNEL_ROLES, ...PORTAL_ROLES]

/** The vendor's own staff: screens about the vendor's business that no partner sees. */
export const VENDOR_ROLES: readonly Role[] = [
  'ADMIN',
  'SALES_MANAGER',
  'SALES_REP',
  'ACCOUNTANT',
  'PROJECT_MANAGER',
  'CHANNEL_MANAGER',
]
