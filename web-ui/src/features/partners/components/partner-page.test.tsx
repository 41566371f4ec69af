import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { makeFragmentData } from '../../../gql'
import {
  PartnerDetailFieldsFragmentDoc,
  type PartnerDetailFieldsFragment,
} from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubHandlers } from '../../../testing/urql'
import { PartnerPage } from './partner-page'

const northwind: PartnerDetailFieldsFragment = {
  id: 'pa1',
  name: 'Northwind Software GmbH',
  legalName: 'Northwind Software GmbH',
  taxId: 'DE111',
  country: 'DE',
  address: null,
  status: 'ACTIVE',
  statusReason: null,
  tier: { id: 't-gold', code: 'GOLD', name: 'Gold' },
  territories: [{ region: 'DACH', industry: null }],
  parent: null,
  subDealers: [],
  formerCustomer: null,
  contacts: [],
  agreements: [
    {
      id: 'ag1',
      startsOn: '2026-01-01',
      endsOn: null,
      currency: 'EUR',
      rebateBands: [
        { threshold: { amount: '1000000.00', currency: 'EUR' }, percent: '2' },
        { threshold: { amount: '3000000.00', currency: 'EUR' }, percent: '4' },
      ],
      note: null,
      version: 1,
    },
  ],
  version: 7,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-11-30T00:00:00Z',
}

function setUp(handlers: StubHandlers = {}) {
  const partner = { id: 'pa1', ...makeFragmentData(northwind, PartnerDetailFieldsFragmentDoc) }
  const stub = createStubClient({
    Partner: () => ({ partner }),
    PartnerTiers: () => ({ partnerTiers: [] }),
    PartnerUsers: () => ({
      partner: { id: 'pa1', name: northwind.name, status: 'ACTIVE', users: [] },
    }),
    ...handlers,
  })
  renderWithProviders(<PartnerPage />, {
    client: stub.client,
    route: '/channel/partners/pa1',
    path: '/channel/partners/:id',
  })
  return { stub, user: userEvent.setup() }
}

const payload = { partner: null, userErrors: [] }

describe('PartnerPage', () => {
  it('shows tier, territories and the agreement’s rebate bands', async () => {
    setUp()
    expect(await screen.findByRole('heading', { name: northwind.name })).toBeVisible()
    expect(screen.getByRole('region', { name: 'Territories' })).toHaveTextContent('DACH')
    const bands = screen.getByRole('list', { name: 'Rebate bands' })
    expect(bands).toHaveTextContent('2% from €1,000,000.00')
    expect(bands).toHaveTextContent('4% from €3,000,000.00')
  })

  it('says why a suspended partner was suspended', async () => {
    const suspended = {
      ...northwind,
      status: 'SUSPENDED' as const,
      statusReason: 'Unpaid invoices',
    }
    setUp({
      Partner: () => ({
        partner: { id: 'pa1', ...makeFragmentData(suspended, PartnerDetailFieldsFragmentDoc) },
      }),
    })
    expect(await screen.findByText('Why: Unpaid invoices')).toBeVisible()
  })

  it('suspends only with a reason, sending the version it read', async () => {
    const { stub, user } = setUp({ ChangePartnerStatus: () => ({ changePartnerStatus: payload }) })
    const status = await screen.findByRole('region', { name: 'Status' })
    await user.selectOptions(within(status).getByLabelText(/^New status/), 'SUSPENDED')
    await user.click(within(status).getByRole('button', { name: 'Change status' }))
    expect(within(status).getByLabelText(/^Reason/)).toHaveAccessibleDescription(
      /Say why the partner is suspended/,
    )
    expect(stub.variablesOf('ChangePartnerStatus')).toEqual([])
    await user.type(within(status).getByLabelText(/^Reason/), 'Unpaid invoices')
    await user.click(within(status).getByRole('button', { name: 'Change status' }))
    await vi.waitFor(() =>
      expect(stub.variablesOf('ChangePartnerStatus')).toEqual([
        {
          input: { id: 'pa1', expectedVersion: 7, status: 'SUSPENDED', reason: 'Unpaid invoices' },
        },
      ]),
    )
  })

  it('replaces the territories, leaving out blank rows', async () => {
    const { stub, user } = setUp({ UpdatePartner: () => ({ updatePartner: payload }) })
    const territories = await screen.findByRole('region', { name: 'Territories' })
    await user.click(within(territories).getByRole('button', { name: 'Edit territories' }))
    await user.click(within(territories).getByRole('button', { name: '+ Add territory' }))
    await user.type(within(territories).getByLabelText('Industry (territory 2)'), 'Retail')
    await user.click(within(territories).getByRole('button', { name: '+ Add territory' }))
    await user.click(within(territories).getByRole('button', { name: 'Save' }))
    await vi.waitFor(() =>
      expect(stub.variablesOf('UpdatePartner')).toEqual([
        {
          input: {
            id: 'pa1',
            expectedVersion: 7,
            territories: [
              { region: 'DACH', industry: null },
              { region: null, industry: 'Retail' },
            ],
          },
        },
      ]),
    )
  }, 20_000)
})
