import { describe, expect, it } from 'vitest'
import {
  emptyContactValues,
  emptyCustomerValues,
  parseTags,
  toCreateCustomerInput,
  toUpdateContactInput,
  toUpdateCustomerInput,
  type CustomerFormValues,
} from './form-values'

const initial: CustomerFormValues = {
  ...emptyCustomerValues,
  name: 'Acme',
  legalName: 'Acme Software Ltd',
  region: 'North',
  status: 'CANDIDATE',
  ownerId: 'u1',
  sharedWithIds: ['u2', 'u3'],
  tags: 'crm, key account',
}

describe('toUpdateCustomerInput', () => {
  it('sends only what changed, with the version that was read', () => {
    expect(toUpdateCustomerInput('c1', 7, initial, { ...initial })).toEqual({
      id: 'c1',
      expectedVersion: 7,
    })
    expect(
      toUpdateCustomerInput('c1', 7, initial, {
        ...initial,
        name: ' Acme Group ',
        status: 'CUSTOMER',
      }),
    ).toEqual({ id: 'c1', expectedVersion: 7, name: 'Acme Group', status: 'CUSTOMER' })
  })

  it('clears an emptied field with an explicit null', () => {
    expect(
      toUpdateCustomerInput('c1', 7, initial, { ...initial, legalName: '  ', region: '' }),
    ).toEqual({ id: 'c1', expectedVersion: 7, legalName: null, region: null })
  })

  it('sends a blanked name so that the server reports it as REQUIRED', () => {
    expect(toUpdateCustomerInput('c1', 7, initial, { ...initial, name: '' }).name).toBe('')
  })

  it('compares tags and the shared-with set, not their spelling or order', () => {
    const same = { ...initial, tags: 'crm,key account, crm', sharedWithIds: ['u3', 'u2'] }
    expect(toUpdateCustomerInput('c1', 7, initial, same)).toEqual({ id: 'c1', expectedVersion: 7 })
    const changed = { ...initial, tags: 'crm', sharedWithIds: [] }
    expect(toUpdateCustomerInput('c1', 7, initial, changed)).toEqual({
      id: 'c1',
      expectedVersion: 7,
      tags: ['crm'],
      sharedWithIds: [],
    })
  })
})

describe('the source campaign', () => {
  it('is sent on create when chosen, and on update only when changed, null clearing it', () => {
    expect(
      toCreateCustomerInput({ ...emptyCustomerValues, name: 'Acme', sourceCampaignId: 'k1' })
        .sourceCampaignId,
    ).toBe('k1')
    const attributed = { ...initial, sourceCampaignId: 'k1' }
    expect(toUpdateCustomerInput('c1', 7, attributed, { ...attributed })).toEqual({
      id: 'c1',
      expectedVersion: 7,
    })
    expect(
      toUpdateCustomerInput('c1', 7, attributed, { ...attributed, sourceCampaignId: 'k2' }),
    ).toEqual({ id: 'c1', expectedVersion: 7, sourceCampaignId: 'k2' })
    expect(
      toUpdateCustomerInput('c1', 7, attributed, { ...attributed, sourceCampaignId: '' }),
    ).toEqual({ id: 'c1', expectedVersion: 7, sourceCampaignId: null })
  })
})

describe('toCreateCustomerInput', () => {
  it('leaves out blank optional fields and adds the first contact', () => {
    const input = toCreateCustomerInput(
      { ...emptyCustomerValues, name: ' Acme ', tags: 'a, b' },
      { ...emptyContactValues, lastName: ' Smith ', emails: ['', 'a@b.example', ' '] },
    )
    expect(JSON.parse(JSON.stringify(input))).toEqual({
      name: 'Acme',
      status: 'PROSPECT',
      tags: ['a', 'b'],
      contacts: [{ lastName: 'Smith', roles: [], emails: ['a@b.example'], phones: [] }],
    })
  })
})

describe('toUpdateContactInput', () => {
  it('sends changed lists whole and clears emptied text', () => {
    const before = { ...emptyContactValues, lastName: 'Smith', jobTitle: 'CTO', emails: ['a@x'] }
    expect(
      toUpdateContactInput('k1', 2, before, { ...before, jobTitle: '', emails: ['a@x', 'b@x'] }),
    ).toEqual({ id: 'k1', expectedVersion: 2, jobTitle: null, emails: ['a@x', 'b@x'] })
  })
})

describe('parseTags', () => {
  it('trims, drops blanks and repeats', () => {
    expect(parseTags(' crm,, key account ,crm ')).toEqual(['crm', 'key account'])
  })
})
