import type {
  CustomerFilter,
  CustomerOrder,
  CustomerOrderField,
  CustomerStatus,
  OrderDirection,
} from '../../../gql/graphql'
import { CUSTOMER_STATUSES, ORDER_DIRECTIONS, ORDER_FIELDS } from './enums'

/** The list's search, filters and sort, as kept in the address bar. */
export type ListParams = {
  search: string
  statuses: CustomerStatus[]
  region: string
  industry: string
  tag: string
  ownerId: string
  includeArchived: boolean
  sort: CustomerOrderField
  direction: OrderDirection
}

/** The free-text part, typed into inputs and applied after a pause. */
export type TextParams = Pick<ListParams, 'search' | 'region' | 'industry' | 'tag'>

export const defaultListParams: ListParams = {
  search: '',
  statuses: [],
  region: '',
  industry: '',
  tag: '',
  ownerId: '',
  includeArchived: false,
  sort: 'NAME',
  direction: 'ASC',
}

/** The API matches words of at least this many characters. */
export const MIN_SEARCH_LENGTH = 2

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback

export function readListParams(search: URLSearchParams): ListParams {
  return {
    search: search.get('q') ?? '',
    statuses: search
      .getAll('status')
      .filter((s): s is CustomerStatus => CUSTOMER_STATUSES.includes(s as CustomerStatus)),
    region: search.get('region') ?? '',
    industry: search.get('industry') ?? '',
    tag: search.get('tag') ?? '',
    ownerId: search.get('owner') ?? '',
    includeArchived: search.get('archived') === '1',
    sort: oneOf(ORDER_FIELDS, search.get('sort'), defaultListParams.sort),
    direction: oneOf(ORDER_DIRECTIONS, search.get('dir'), defaultListParams.direction),
  }
}

/** Only what differs from the defaults, so a plain list has a plain address. */
export function writeListParams(params: ListParams): URLSearchParams {
  const search = new URLSearchParams()
  if (params.search) search.set('q', params.search)
  for (const status of params.statuses) search.append('status', status)
  if (params.region) search.set('region', params.region)
  if (params.industry) search.set('industry', params.industry)
  if (params.tag) search.set('tag', params.tag)
  if (params.ownerId) search.set('owner', params.ownerId)
  if (params.includeArchived) search.set('archived', '1')
  if (params.sort !== defaultListParams.sort) search.set('sort', params.sort)
  if (params.direction !== defaultListParams.direction) search.set('dir', params.direction)
  return search
}

export function hasFilters(params: ListParams): boolean {
  return (
    writeListParams({
      ...params,
      sort: defaultListParams.sort,
      direction: defaultListParams.direction,
    }).size > 0
  )
}

export type CustomerListVariables = { filter: CustomerFilter; orderBy: CustomerOrder }

/** The `customers` query's filter and order for these params; blank filters are left out. */
export function toCustomerListVariables(params: ListParams): CustomerListVariables {
  const filter: CustomerFilter = {}
  const search = params.search.trim()
  if (search.length >= MIN_SEARCH_LENGTH) filter.search = search
  if (params.statuses.length > 0) filter.status = params.statuses
  if (params.ownerId) filter.ownerIds = [params.ownerId]
  const region = params.region.trim()
  if (region) filter.region = region
  const industry = params.industry.trim()
  if (industry) filter.industry = industry
  const tag = params.tag.trim()
  if (tag) filter.tag = tag
  if (params.includeArchived) filter.includeArchived = true
  return { filter, orderBy: { field: params.sort, direction: params.direction } }
}
