import { describe, expect, it } from 'vitest'
import {
  defaultListParams,
  readListParams,
  toCustomerListVariables,
  writeListParams,
} from './list-params'

describe('list params', () => {
  it('round-trips through the address bar and keeps the defaults out of it', () => {
    const params = {
      ...defaultListParams,
      search: 'acme',
      statuses: ['CUSTOMER' as const, 'LOST' as const],
      ownerId: 'VXNlcjox',
      includeArchived: true,
      sort: 'CREATED_AT' as const,
      direction: 'DESC' as const,
    }
    const written = writeListParams(params)
    expect(written.toString()).toBe(
      'q=acme&status=CUSTOMER&status=LOST&owner=VXNlcjox&archived=1&sort=CREATED_AT&dir=DESC',
    )
    expect(readListParams(written)).toEqual(params)
    expect(writeListParams(defaultListParams).toString()).toBe('')
  })

  it('ignores values the schema does not know', () => {
    const params = readListParams(new URLSearchParams('status=NOPE&status=LOST&sort=x&dir=up'))
    expect(params.statuses).toEqual(['LOST'])
    expect(params.sort).toBe('NAME')
    expect(params.direction).toBe('ASC')
  })

  it('maps to the customers query filter, leaving out blanks and one-letter searches', () => {
    expect(toCustomerListVariables({ ...defaultListParams, search: ' x ' })).toEqual({
      filter: {},
      orderBy: { field: 'NAME', direction: 'ASC' },
    })
    expect(
      toCustomerListVariables({
        ...defaultListParams,
        search: ' smith ',
        ownerId: 'u1',
        tag: ' vip ',
        industry: 'Retail',
      }).filter,
    ).toEqual({ search: 'smith', ownerIds: ['u1'], tag: 'vip', industry: 'Retail' })
  })
})
