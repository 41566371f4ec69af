import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Role, ViewerQuery } from '../gql/graphql'
import { renderWithProviders } from '../testing/render'
import { createStubClient } from '../testing/urql'
import { RequireRole } from './require-role'

function renderAs(roles: Role[], partner: boolean) {
  const viewer: ViewerQuery = {
    viewer: {
      subject: 'someone',
      roles,
      user: { id: 'u1', name: 'Someone' },
      partner: partner ? { id: 'pa1', name: 'Northwind' } : null,
      permissions: [],
    },
  }
  const stub = createStubClient({ Viewer: () => viewer })
  renderWithProviders(
    <RequireRole roles={['ADMIN', 'ACCOUNTANT']}>
      <p>Collections</p>
    </RequireRole>,
    { client: stub.client },
  )
}

describe('RequireRole', () => {
  it('tells a partner user that a vendor screen is not part of the portal, with the way back', async () => {
    renderAs(['PARTNER_USER'], true)
    expect(
      await screen.findByText('This screen is not available in the partner portal.'),
    ).toBeVisible()
    expect(screen.getByRole('link', { name: 'Go to your dashboard' })).toHaveAttribute(
      'href',
      '/portal',
    )
    expect(screen.queryByText('Collections')).toBeNull()
  })

  it('tells vendor staff without the role that they may not see it', async () => {
    renderAs(['SALES_REP'], false)
    expect(await screen.findByText('You are not allowed to see this.')).toBeVisible()
    expect(screen.queryByRole('link', { name: 'Go to your dashboard' })).toBeNull()
  })

  it('shows the page to those with the role', async () => {
    renderAs(['ACCOUNTANT'], false)
    expect(await screen.findByText('Collections')).toBeVisible()
  })
})
