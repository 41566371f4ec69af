import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { ProtectionKeyPage } from './key-page'

const key = {
  __typename: 'ProtectionKey',
  id: 'k1',
  keyNumber: 'HK-100',
  name: 'Office dongle',
  kind: 'HARDWARE',
  status: 'ACTIVE',
  version: 3,
  createdAt: '2026-01-01T10:00:00Z',
  customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
  replacedBy: null,
}

function setUp() {
  const stub = createStubClient({
    ProtectionKey: () => ({ protectionKey: key }),
    CustomerKeys: () => ({
      customer: { __typename: 'Customer', id: 'c1', protectionKeys: [key] },
    }),
    KeyLicenses: () => ({
      protectionKey: {
        __typename: 'ProtectionKey',
        id: 'k1',
        licenses: {
          __typename: 'LicenseConnection',
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: [
            {
              __typename: 'LicenseEdge',
              cursor: 'a',
              node: {
                __typename: 'License',
                id: 'l1',
                serial: 'AAAAA-BBBBB-CCCCC-DDDDD-E',
                name: 'CRM Professional',
                issuedAt: '2026-02-01T10:00:00Z',
                product: { __typename: 'Product', id: 'p1', code: 'DD-CRM' },
                customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
                shipment: { __typename: 'Shipment', id: 's1', number: 'SHP-1' },
              },
            },
          ],
        },
      },
    }),
    ReplaceProtectionKey: () => ({
      replaceProtectionKey: { __typename: 'ProtectionKeyPayload', key: null, userErrors: [] },
    }),
  })
  renderWithProviders(<ProtectionKeyPage canChange />, {
    client: stub.client,
    route: '/keys/k1',
    path: '/keys/:id',
  })
  return stub
}

describe('ProtectionKeyPage', () => {
  it('shows the card and, on its tab, the serial numbers with their shipments', async () => {
    setUp()
    expect(
      await screen.findByRole('heading', { name: 'Protection key HK-100' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('tabpanel', { name: 'Key card' })).toHaveTextContent('Office dongle')
    await userEvent.click(screen.getByRole('tab', { name: 'Serial numbers' }))
    const panel = screen.getByRole('tabpanel', { name: 'Serial numbers' })
    expect(
      await screen.findByRole('link', { name: 'AAAAA-BBBBB-CCCCC-DDDDD-E' }),
    ).toBeInTheDocument()
    expect(panel).toHaveTextContent('DD-CRM')
    expect(screen.getByRole('link', { name: 'SHP-1' })).toHaveAttribute('href', '/shipments/s1')
  })

  it('replaces the key with a new one, with a reason and the version', async () => {
    const stub = setUp()
    await userEvent.click(await screen.findByRole('button', { name: 'Replace key' }))
    await userEvent.click(screen.getByRole('button', { name: 'Replace key' }))
    expect(stub.variablesOf('ReplaceProtectionKey')).toEqual([])
    expect(screen.getByLabelText(/^Reason/)).toHaveAttribute('aria-invalid', 'true')
    await userEvent.type(screen.getByLabelText(/^Reason/), 'Lost in transit')
    await userEvent.type(screen.getByLabelText(/^Key number/), 'HK-200')
    await userEvent.click(screen.getByRole('button', { name: 'Replace key' }))
    expect(stub.variablesOf('ReplaceProtectionKey')).toEqual([
      {
        input: {
          id: 'k1',
          expectedVersion: 3,
          reason: 'Lost in transit',
          newKey: { keyNumber: 'HK-200', name: 'Office dongle', kind: 'HARDWARE' },
        },
      },
    ])
  })
})
