import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { RenewalsPage } from './renewals-page'

const node = (
  id: string,
  serial: string,
  endsOn: string,
  customer: { id: string; name: string },
) => ({
  __typename: 'License',
  id,
  serial,
  name: 'CRM',
  seats: 1,
  status: 'ACTIVE',
  startsOn: '2026-01-01',
  endsOn,
  issuedAt: '2026-01-01T10:00:00Z',
  customer: { __typename: 'Customer', ...customer },
  key: null,
  product: { __typename: 'Product', id: 'p1', code: 'DD-CRM' },
})

const acme = { id: 'c1', name: 'Acme' }
const globex = { id: 'c2', name: 'Globex' }

describe('RenewalsPage', () => {
  it('renews licenses of one customer with one order and opens it', async () => {
    const stub = createStubClient({
      ExpiringLicenses: () => ({
        expiringLicenses: {
          __typename: 'LicenseConnection',
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: [
            {
              __typename: 'LicenseEdge',
              cursor: 'a',
              node: node('l1', 'AAAAA', '2026-12-01', acme),
            },
            {
              __typename: 'LicenseEdge',
              cursor: 'b',
              node: node('l2', 'BBBBB', '2026-12-05', globex),
            },
            {
              __typename: 'LicenseEdge',
              cursor: 'c',
              node: node('l3', 'CCCCC', '2026-12-05', acme),
            },
          ],
        },
      }),
      CreateRenewalOrder: () => ({
        createRenewalOrder: {
          __typename: 'OrderPayload',
          order: { __typename: 'Order', id: 'o5', number: 'ORD-5' },
          userErrors: [],
        },
      }),
    })
    renderWithProviders(<RenewalsPage />, { client: stub.client })
    await userEvent.click(screen.getByRole('radio', { name: '60 days' }))
    await waitFor(() =>
      expect(stub.variablesOf('ExpiringLicenses').at(-1)).toMatchObject({ withinDays: 60 }),
    )
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Renew AAAAA' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Renew BBBBB' }))
    expect(screen.getByRole('checkbox', { name: 'Renew AAAAA' })).not.toBeChecked()
    await userEvent.click(screen.getByRole('checkbox', { name: 'Renew AAAAA' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Renew CCCCC' }))
    await userEvent.click(
      screen.getByRole('button', { name: /Create renewal order \(2 licenses for Acme\)/ }),
    )
    expect(stub.variablesOf('CreateRenewalOrder')).toEqual([
      { input: { licenseIds: ['l1', 'l3'] } },
    ])
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/orders/o5'))
  })
})
