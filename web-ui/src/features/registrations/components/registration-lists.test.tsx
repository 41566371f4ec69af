import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { makeFragmentData } from '../../../gql'
import {
  RegistrationCardFieldsFragmentDoc,
  type DealRegistrationStatus,
  type RegistrationCardFieldsFragment,
} from '../../../gql/graphql'
import type { Permission } from '../../../lib/permissions'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubHandlers } from '../../../testing/urql'
import { PartnerRegistrationsPage, RegistrationQueuePage } from './registration-lists'

const money = (amount: string) => ({ __typename: 'Money' as const, amount, currency: 'EUR' })

function registration(
  id: string,
  status: DealRegistrationStatus,
  extra: Partial<RegistrationCardFieldsFragment> = {},
) {
  const data = {
    __typename: 'DealRegistration' as const,
    id,
    number: `REG-2026-0000${id.slice(-1)}`,
    status,
    version: 1,
    partner: { __typename: 'Partner' as const, id: 'pa-northwind', name: 'Northwind Software' },
    registeredBy: { __typename: 'User' as const, id: 'u-p', name: 'Paula Partner', vendor: false },
    customer: null,
    customerName: 'Acme GmbH',
    customerTaxId: 'DE123456789',
    customerEmailDomain: 'acme.example',
    customerRegion: 'DACH',
    customerIndustry: null,
    lines: [
      {
        __typename: 'DealRegistrationLine' as const,
        product: {
          __typename: 'Product' as const,
          id: 'p1',
          code: 'DD-CRM',
          name: 'DealerDesk CRM',
        },
        editionCode: null,
        quantity: 5,
      },
    ],
    expectedAmount: money('12000.00'),
    expectedCloseOn: '2027-03-31',
    note: null,
    conflicts: [],
    submittedAt: '2026-12-01T10:00:00Z',
    decidedAt: null,
    decidedBy: null,
    rejectionReason: null,
    protectedUntil: null,
    opportunity: null,
    ...extra,
  }
  return { id, ...makeFragmentData(data, RegistrationCardFieldsFragmentDoc) }
}

const page = (nodes: ReturnType<typeof registration>[]) => ({
  dealRegistrations: {
    __typename: 'DealRegistrationConnection' as const,
    edges: nodes.map((node) => ({ __typename: 'DealRegistrationEdge' as const, node })),
    pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
  },
})

const noFacts = {
  matches: [],
  otherRegistrationNumber: null,
  otherRegistrationStatus: null,
  otherProtectedUntil: null,
  otherSubmittedOn: null,
  existingCustomerName: null,
  otherPartnerName: null,
  partnerName: null,
  givenRegion: null,
  givenIndustry: null,
  territories: [],
}

const conflicted = registration('reg-2', 'SUBMITTED', {
  conflicts: [
    {
      ...noFacts,
      kind: 'SAME_CUSTOMER_REGISTERED',
      matchedBy: ['TAX_ID', 'NAME'],
      evidence:
        'Tax id DE123456789 equals DE 123456789 of; name "Acme GmbH" matches "ACME" of registration REG-2026-00001 of Baltic Soft (submitted on 2026-11-30 and waiting for a decision).',
      matches: [
        { by: 'TAX_ID', given: 'DE123456789', existing: 'DE 123456789' },
        { by: 'NAME', given: 'Acme GmbH', existing: 'ACME' },
      ],
      otherRegistrationNumber: 'REG-2026-00001',
      otherRegistrationStatus: 'SUBMITTED',
      otherSubmittedOn: '2026-11-30',
      otherPartnerName: 'Baltic Soft',
      registration: {
        id: 'reg-1',
        number: 'REG-2026-00001',
        status: 'SUBMITTED',
        partner: { id: 'pa-baltic', name: 'Baltic Soft' },
      },
      customer: null,
    },
    {
      // stored before the facts were kept: only the English sentence
      ...noFacts,
      kind: 'OUTSIDE_TERRITORY',
      matchedBy: [],
      evidence: 'region DACH is outside Northwind’s territories',
      registration: null,
      customer: null,
    },
  ],
})

const CHANNEL: Permission[] = [{ action: 'APPROVE', subject: 'DEAL_REGISTRATION' }]

function setUpQueue(handlers: StubHandlers = {}) {
  const stub = createStubClient({
    DealRegistrationList: ({ status }) => page(status?.includes('SUBMITTED') ? [conflicted] : []),
    ...handlers,
  })
  renderWithProviders(<RegistrationQueuePage />, {
    client: stub.client,
    route: '/channel/registrations',
    path: '/channel/registrations',
    permissions: CHANNEL,
  })
  return { stub, user: userEvent.setup() }
}

describe('RegistrationQueuePage', () => {
  it('shows waiting registrations first, with each conflict’s kind, how it matched, its evidence from the facts and the other registration', async () => {
    const { stub } = setUpQueue()
    const card = await screen.findByRole('article', { name: /REG-2026-00002/ })
    const conflicts = within(card).getByRole('region', { name: 'Conflicts' })
    expect(conflicts).toHaveTextContent('2 conflicts found on submission')
    expect(conflicts).toHaveTextContent('Registered by another partner')
    expect(conflicts).toHaveTextContent('matched by tax id, name')
    expect(conflicts).toHaveTextContent(
      'Registration REG-2026-00001 of Baltic Soft (submitted on Nov 30, 2026, awaiting a decision) is for the same customer: tax id DE123456789 equals DE 123456789 and name “Acme GmbH” matches “ACME”.',
    )
    // a conflict without facts keeps the API's sentence
    expect(conflicts).toHaveTextContent('region DACH is outside Northwind’s territories')
    expect(within(conflicts).getByRole('link', { name: 'REG-2026-00001' })).toHaveAttribute(
      'href',
      '/registrations/reg-1',
    )
    expect(conflicts).toHaveTextContent('Baltic Soft')
    expect(conflicts).toHaveTextContent('Outside the territory')
    expect(within(card).getByRole('link', { name: 'Northwind Software' })).toHaveAttribute(
      'href',
      '/channel/partners/pa-northwind',
    )
    // the waiting section asks for SUBMITTED, the decided one for the rest
    expect(stub.variablesOf('DealRegistrationList').map((v) => v?.status)).toEqual([
      ['SUBMITTED'],
      ['APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'],
    ])
  })

  it('rejects only with a reason, and sends it with the version', async () => {
    const rejected = registration('reg-2', 'REJECTED', {
      rejectionReason: 'Baltic Soft registered Acme first.',
    })
    const { stub, user } = setUpQueue({
      RejectDealRegistration: () => ({
        rejectDealRegistration: {
          __typename: 'DealRegistrationPayload',
          registration: rejected,
          userErrors: [],
        },
      }),
    })
    const card = await screen.findByRole('article', { name: /REG-2026-00002/ })
    await user.click(within(card).getByRole('button', { name: 'Reject' }))
    await user.click(within(card).getByRole('button', { name: 'Reject registration' }))
    expect(within(card).getByLabelText(/Reason for the partner/)).toHaveAccessibleDescription(
      /Say why it is rejected/,
    )
    expect(stub.variablesOf('RejectDealRegistration')).toEqual([])
    await user.type(
      within(card).getByLabelText(/Reason for the partner/),
      'Baltic Soft registered Acme first.',
    )
    await user.click(within(card).getByRole('button', { name: 'Reject registration' }))
    await vi.waitFor(() =>
      expect(stub.variablesOf('RejectDealRegistration')).toEqual([
        {
          input: { id: 'reg-2', expectedVersion: 1, reason: 'Baltic Soft registered Acme first.' },
        },
      ]),
    )
    // the queue is asked again
    await vi.waitFor(() => expect(stub.variablesOf('DealRegistrationList').length).toBe(4))
  })

  it('asks to acknowledge conflicts other than another partner’s registration before approving', async () => {
    const { stub, user } = setUpQueue({
      ApproveDealRegistration: () => ({
        approveDealRegistration: {
          __typename: 'DealRegistrationPayload',
          registration: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: null,
              code: 'CONFLICT',
              message: 'Registration REG-2026-00001 of Baltic Soft is protected until 2027-03-01',
            },
          ],
        },
      }),
    })
    const card = await screen.findByRole('article', { name: /REG-2026-00002/ })
    await user.click(within(card).getByRole('button', { name: 'Approve' }))
    await user.click(within(card).getByRole('button', { name: 'Approve registration' }))
    expect(within(card).getByText('Acknowledge the conflicts to approve.')).toBeVisible()
    expect(stub.variablesOf('ApproveDealRegistration')).toEqual([])
    await user.click(within(card).getByRole('checkbox', { name: /approve nonetheless/ }))
    await user.type(within(card).getByLabelText(/Protection period/), '60')
    await user.click(within(card).getByRole('button', { name: 'Approve registration' }))
    expect(await within(card).findByRole('alert')).toHaveTextContent(/protected until 2027-03-01/)
    expect(stub.variablesOf('ApproveDealRegistration')).toEqual([
      {
        input: { id: 'reg-2', expectedVersion: 1, protectionDays: 60, acknowledgeConflicts: true },
      },
    ])
  })
})

describe('PartnerRegistrationsPage', () => {
  it('shows a rejected registration’s reason and no decision buttons to the partner', async () => {
    const stub = createStubClient({
      DealRegistrationList: () =>
        page([
          registration('reg-3', 'REJECTED', {
            decidedAt: '2026-12-02T09:00:00Z',
            decidedBy: { id: 'vendor', name: 'DealerDesk sales', vendor: true },
            rejectionReason: 'Baltic Soft registered Acme first.',
          }),
        ]),
    })
    renderWithProviders(<PartnerRegistrationsPage />, {
      client: stub.client,
      route: '/registrations',
      path: '/registrations',
      permissions: [
        { action: 'CREATE', subject: 'DEAL_REGISTRATION' },
        { action: 'UPDATE', subject: 'DEAL_REGISTRATION' },
      ],
    })
    const card = await screen.findByRole('article', { name: /REG-2026-00003/ })
    expect(card).toHaveTextContent('Rejected by DealerDesk sales')
    expect(card).toHaveTextContent('Baltic Soft registered Acme first.')
    expect(within(card).queryByRole('button')).toBeNull()
    // the partner's own list does not link to the channel manager's partner page
    expect(within(card).queryByRole('link', { name: 'Northwind Software' })).toBeNull()
    expect(screen.getByRole('link', { name: '+ Register a deal' })).toHaveAttribute(
      'href',
      '/registrations/new',
    )
  })
})
