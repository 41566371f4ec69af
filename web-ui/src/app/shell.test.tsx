import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Role, ViewerQuery } from '../gql/graphql'
import { renderWithProviders } from '../testing/render'
import { createStubClient } from '../testing/urql'
import { AppShell } from './shell'

function navFor(
  roles: Role[],
  partner: boolean,
  permissions: ViewerQuery['viewer']['permissions'] = [],
) {
  const viewer: ViewerQuery = {
    viewer: {
      subject: 'someone',
      roles,
      user: { id: 'u1', name: 'Someone' },
      partner: partner ? { id: 'pa1', name: 'Northwind' } : null,
      permissions,
    },
  }
  const stub = createStubClient({ Viewer: () => viewer })
  renderWithProviders(<AppShell />, { client: stub.client })
  return screen.getByRole('navigation', { name: 'Main navigation' })
}

const links = async (nav: HTMLElement) => {
  await within(nav).findByRole('link', { name: 'Customers' })
  // the entries of closed groups too
  return within(nav)
    .getAllByRole('link', { hidden: true })
    .map((link) => link.textContent)
}

describe('licensing navigation by role', () => {
  it('gives partner users orders, licenses and renewals, but not the catalogue', async () => {
    const names = await links(navFor(['PARTNER_USER'], true))
    expect(names).toEqual(expect.arrayContaining(['Orders', 'Licenses', 'Renewals']))
    expect(names).not.toContain('Products')
    // invoices come right after orders
    expect(names[names.indexOf('Orders') + 1]).toBe('Invoices')
  })

  it('gives admins the catalogue too', async () => {
    const names = await links(navFor(['ADMIN'], false))
    expect(names).toEqual(expect.arrayContaining(['Products', 'Orders', 'Licenses', 'Renewals']))
  })

  it('gives accountants no renewals', async () => {
    const names = await links(navFor(['ACCOUNTANT'], false))
    expect(names).toEqual(expect.arrayContaining(['Products', 'Orders', 'Invoices', 'Licenses']))
    expect(names).not.toContain('Renewals')
  })
})

describe('navigation groups', () => {
  it("groups an admin's many screens behind disclosure buttons", async () => {
    const nav = navFor(['ADMIN'], false, [{ action: 'UPDATE', subject: 'PIPELINE' }])
    await within(nav).findByRole('link', { name: 'Customers' })
    const groups = within(nav)
      .getAllByRole('button')
      .map((button) => button.textContent?.replace('▾', ''))
    // the sales settings and the webhooks share the vendor admin's "Settings" group
    expect(groups).toEqual(['Sales', 'Documents', 'Licensing', 'Finance', 'Settings'])
    expect(within(nav).queryByRole('link', { name: 'Pipeline' })).toBeNull()
  })

  it('opens with the button, moves with the arrow keys and closes with Escape', async () => {
    const user = userEvent.setup()
    const nav = navFor(['ADMIN'], false)
    const sales = await within(nav).findByRole('button', { name: /Sales/ })
    expect(sales).toHaveAttribute('aria-expanded', 'false')

    await user.click(sales)
    expect(sales).toHaveAttribute('aria-expanded', 'true')
    expect(within(nav).getByRole('link', { name: 'Pipeline' })).toBeVisible()

    await user.keyboard('{Escape}')
    expect(sales).toHaveAttribute('aria-expanded', 'false')
    expect(within(nav).queryByRole('link', { name: 'Pipeline' })).toBeNull()

    // opening another group closes the first
    await user.click(sales)
    await user.click(within(nav).getByRole('button', { name: /Documents/ }))
    expect(sales).toHaveAttribute('aria-expanded', 'false')
  })

  it('moves through the entries with the arrow keys', async () => {
    const user = userEvent.setup()
    const nav = navFor(['ADMIN'], false)
    const licensing = await within(nav).findByRole('button', { name: /Licensing/ })
    licensing.focus()
    await user.keyboard('{ArrowDown}')
    const first = within(nav).getByRole('link', { name: 'Licenses' })
    await vi.waitFor(() => expect(first).toHaveFocus())
    await user.keyboard('{ArrowDown}')
    expect(within(nav).getByRole('link', { name: 'Renewals' })).toHaveFocus()
    await user.keyboard('{End}')
    expect(within(nav).getByRole('link', { name: 'Products' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(licensing).toHaveFocus()
    expect(licensing).toHaveAttribute('aria-expanded', 'false')
  })

  it('shows an accountant the few entries without groups where there is one entry', async () => {
    const nav = navFor(['ACCOUNTANT'], false)
    await within(nav).findByRole('link', { name: 'Customers' })
    expect(within(nav).queryByRole('button', { name: /Sales/ })).toBeNull()
    expect(within(nav).getByRole('button', { name: /Documents/ })).toBeVisible()
  })

  it("gives project managers contracts and people's time and nothing of sales", async () => {
    const nav = navFor(['PROJECT_MANAGER'], false)
    await within(nav).findByRole('link', { name: 'Customers' })
    expect(within(nav).queryByRole('button', { name: /Sales/ })).toBeNull()
    expect(await links(nav)).toEqual(expect.arrayContaining(['Contracts', "People's time"]))
  })
})

describe('navigation by permission', () => {
  it('shows the sales settings to those the API lets change pipelines', async () => {
    const names = await links(navFor(['ADMIN'], false, [{ action: 'UPDATE', subject: 'PIPELINE' }]))
    expect(names).toContain('Sales settings')
  })

  it('hides them from an admin of a partner, whom the API does not let', async () => {
    const names = await links(navFor(['ADMIN'], true, []))
    expect(names).not.toContain('Sales settings')
  })
})

describe('finance navigation by role', () => {
  it.each(['ACCOUNTANT', 'ADMIN', 'SALES_MANAGER'] as const)(
    'gives %s collections, payments and the budget',
    async (role) => {
      const nav = navFor([role], false)
      expect(await within(nav).findByRole('button', { name: /Finance/ })).toBeVisible()
      expect(await links(nav)).toEqual(
        expect.arrayContaining(['Collections', 'Payments', 'Budget']),
      )
    },
  )

  it('gives reps collections alone, as a plain link', async () => {
    const nav = navFor(['SALES_REP'], false)
    expect(await within(nav).findByRole('link', { name: 'Collections' })).toBeVisible()
    expect(within(nav).queryByRole('button', { name: /Finance/ })).toBeNull()
    const names = await links(nav)
    expect(names).not.toContain('Payments')
    expect(names).not.toContain('Budget')
  })

  it('gives partner users none of it', async () => {
    const names = await links(navFor(['PARTNER_USER'], true))
    expect(names).not.toContain('Collections')
    expect(names).not.toContain('Payments')
    expect(names).not.toContain('Budget')
  })
})

describe('channel and portal navigation', () => {
  const CHANNEL_PERMISSIONS = [
    { action: 'UPDATE', subject: 'PARTNER_TIER' },
    { action: 'APPROVE', subject: 'DEAL_REGISTRATION' },
  ] as const

  it('gives channel managers the channel group', async () => {
    const nav = navFor(['CHANNEL_MANAGER'], false, [...CHANNEL_PERMISSIONS])
    expect(await within(nav).findByRole('button', { name: /Channel/ })).toBeVisible()
    expect(await links(nav)).toEqual(
      expect.arrayContaining(['Partners', 'Registration queue', 'Partner performance', 'Tiers']),
    )
  })

  it("gives partner users their own business and none of the vendor's screens", async () => {
    const names = await links(
      navFor(['PARTNER_USER'], true, [{ action: 'CREATE', subject: 'DEAL_REGISTRATION' }]),
    )
    expect(names).toEqual(
      expect.arrayContaining([
        'Dashboard',
        'Registrations',
        'Sub-dealers',
        'Our users',
        'Pipeline',
        'Orders',
        'Licenses',
      ]),
    )
    for (const vendorOnly of [
      'Partners',
      'Registration queue',
      'Tiers',
      'Campaigns',
      'Collections',
      'Budget',
      'Sales settings',
      'Products',
    ]) {
      expect(names).not.toContain(vendorOnly)
    }
  })
})
