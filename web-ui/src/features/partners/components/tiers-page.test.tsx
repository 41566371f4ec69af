import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubHandlers } from '../../../testing/urql'
import { TiersPage } from './tiers-page'

const gold = {
  id: 't-gold',
  code: 'GOLD',
  name: 'Gold',
  position: 2,
  defaultDiscountPercent: '15',
  priceCount: 12,
  version: 3,
}

function setUp(handlers: StubHandlers = {}) {
  const stub = createStubClient({ PartnerTiers: () => ({ partnerTiers: [gold] }), ...handlers })
  renderWithProviders(<TiersPage />, { client: stub.client })
  return { stub, user: userEvent.setup() }
}

describe('TiersPage', () => {
  it('lists the tiers with their discount and catalogue prices', async () => {
    setUp()
    const row = (await screen.findByRole('rowheader', { name: 'Gold' })).closest('tr')
    expect(row).toHaveTextContent('GOLD')
    expect(row).toHaveTextContent('15%')
    expect(row).toHaveTextContent('12')
  })

  it('checks a new tier’s code and discount before sending', async () => {
    const { stub, user } = setUp({
      CreatePartnerTier: () => ({
        createPartnerTier: { tier: { id: 't-plat' }, userErrors: [] },
      }),
    })
    await user.click(await screen.findByRole('button', { name: '+ New tier' }))
    const form = screen.getByRole('heading', { name: 'New tier' }).closest('form') as HTMLElement
    await user.type(within(form).getByLabelText(/^Code/), 'plat-1')
    await user.type(within(form).getByLabelText(/^Name/), 'Platinum')
    await user.type(within(form).getByLabelText(/^Default discount/), '120')
    await user.click(within(form).getByRole('button', { name: 'Save' }))
    expect(within(form).getByLabelText(/^Code/)).toHaveAccessibleDescription(
      /upper-case letters, digits and underscores only/,
    )
    expect(within(form).getByLabelText(/^Default discount/)).toHaveAccessibleDescription(
      /from 0 to 100/,
    )
    expect(stub.variablesOf('CreatePartnerTier')).toEqual([])
    await user.clear(within(form).getByLabelText(/^Code/))
    await user.type(within(form).getByLabelText(/^Code/), 'platinum')
    await user.clear(within(form).getByLabelText(/^Default discount/))
    await user.type(within(form).getByLabelText(/^Default discount/), '20')
    await user.click(within(form).getByRole('button', { name: 'Save' }))
    await vi.waitFor(() =>
      expect(stub.variablesOf('CreatePartnerTier')).toEqual([
        {
          input: {
            code: 'PLATINUM',
            name: 'Platinum',
            position: null,
            defaultDiscountPercent: '20',
          },
        },
      ]),
    )
  }, 30_000)

  it('shows why a tier could not be deleted', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    const { stub, user } = setUp({
      DeletePartnerTier: () => ({
        deletePartnerTier: {
          deletedId: null,
          userErrors: [{ field: null, code: 'CONFLICT', message: '2 partners are on this tier' }],
        },
      }),
    })
    await user.click(await screen.findByRole('button', { name: 'Delete Gold' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('2 partners are on this tier')
    expect(stub.variablesOf('DeletePartnerTier')).toEqual([
      { input: { id: 't-gold', expectedVersion: 3 } },
    ])
  })
})
