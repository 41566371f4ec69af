import type {
  CompanySize,
  ContactRole,
  CustomerOrderField,
  CustomerStatus,
  OrderDirection,
  SourceChannel,
} from '../../../gql/graphql'

/**
 * Lists every value of a schema enum in the order people expect (the schema's, not codegen's
 * alphabetical one); compilation fails if a value is missing.
 */
function allOf<T extends string>() {
  return <const A extends readonly T[]>(
    values: A &
      (Exclude<T, A[number]> extends never ? unknown : { missing: Exclude<T, A[number]> }),
  ): readonly T[] => values
}

export const CUSTOMER_STATUSES = allOf<CustomerStatus>()([
  'PROSPECT',
  'CANDIDATE',
  'CUSTOMER',
  'LOST',
])

export const COMPANY_SIZES = allOf<CompanySize>()([
  'MICRO',
  'SMALL',
  'MEDIUM',
  'LARGE',
  'ENTERPRISE',
])

export const SOURCE_CHANNELS = allOf<SourceChannel>()([
  'PHONE',
  'EXHIBITION',
  'WEB',
  'REFERRAL',
  'CAMPAIGN',
  'PARTNER',
  'OTHER',
])

export const CONTACT_ROLES = allOf<ContactRole>()([
  'DECISION_MAKER',
  'INFLUENCER',
  'TECHNICAL',
  'PURCHASING',
  'BILLING',
  'END_USER',
  'OTHER',
])

export const ORDER_FIELDS = allOf<CustomerOrderField>()(['NAME', 'CREATED_AT', 'UPDATED_AT'])

export const ORDER_DIRECTIONS = allOf<OrderDirection>()(['ASC', 'DESC'])
