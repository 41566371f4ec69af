import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { makeFragmentData } from '../../../gql'
import { PartnerUserFieldsFragmentDoc, type PartnerStatus } from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubHandlers } from '../../../testing/urql'
import { PartnerUsersSection } from './partner-users-section'

const paula = makeFragmentData(
  {
    user: { id: 'u-paula', name: 'Paula Partner', email: 'paula@northwind.example', vendor: false },
    status: 'ACTIVE',
    invitedAt: '2026-11-01T09:00:00Z',
    invitedBy: { id: 'vendor', name: 'DealerDesk sales', vendor: true },
  },
  PartnerUserFieldsFragmentDoc,
)

function setUp(status: PartnerStatus, handlers: StubHandlers = {}) {
  const stub = createStubClient({
    PartnerUsers: () => ({
      partner: { id: 'pa1', name: 'Northwind Software GmbH', status, users: [paula] },
    }),
    ...handlers,
  })
  renderWithProviders(<PartnerUsersSection partnerId="pa1" />, { client: stub.client })
  return { stub, user: userEvent.setup() }
}

describe('PartnerUsersSection', () => {
  it('invites a user and shows the one-time password once', async () => {
    const { stub, user } = setUp('ACTIVE', {
      InvitePartnerUser: () => ({
        invitePartnerUser: {
          partnerUser: { user: { id: 'u-new', name: 'Nina New' } },
          initialPassword: 'Xk4-93fa-Q2',
          userErrors: [],
        },
      }),
    })
    await user.click(await screen.findByRole('button', { name: '+ Invite user' }))
    await user.type(screen.getByLabelText(/^Name/), 'Nina New')
    await user.type(screen.getByLabelText(/^E-mail/), 'nina@northwind.example')
    await user.click(screen.getByRole('button', { name: 'Send invitation' }))
    const notice = await screen.findByRole('region', { name: 'Nina New is invited' })
    expect(within(notice).getByLabelText('One-time password')).toHaveValue('Xk4-93fa-Q2')
    expect(stub.variablesOf('InvitePartnerUser')).toEqual([
      { input: { partnerId: 'pa1', name: 'Nina New', email: 'nina@northwind.example' } },
    ])
    await user.click(within(notice).getByRole('button', { name: 'Done' }))
    expect(screen.queryByDisplayValue('Xk4-93fa-Q2')).toBeNull()
  }, 20_000)

  it('disables a user', async () => {
    const { stub, user } = setUp('ACTIVE', {
      DisablePartnerUser: () => ({
        disablePartnerUser: {
          partnerUser: { user: { id: 'u-paula' }, status: 'DISABLED' },
          userErrors: [],
        },
      }),
    })
    await user.click(await screen.findByRole('button', { name: 'Disable Paula Partner' }))
    await vi.waitFor(() =>
      expect(stub.variablesOf('DisablePartnerUser')).toEqual([
        { input: { partnerId: 'pa1', userId: 'u-paula' } },
      ]),
    )
  })

  it('invites nobody for a partner that is not active', async () => {
    setUp('SUSPENDED')
    expect(await screen.findByRole('button', { name: '+ Invite user' })).toBeDisabled()
    expect(screen.getByText('Only an active partner’s users can be invited.')).toBeVisible()
  })
})
