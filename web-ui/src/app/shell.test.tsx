import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
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
  return within(nav)
    .getAllByRole('link')
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
