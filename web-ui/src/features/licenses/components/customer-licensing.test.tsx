import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { CustomerLicensing } from './customer-licensing'

describe('CustomerLicensing', () => {
  it('lists the customer’s licenses and keys and adds a key with the error at its field', async () => {
    const stub = createStubClient({
      LicenseList: () => ({
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
                seats: 3,
                status: 'SUSPENDED',
                startsOn: '2026-01-01',
                endsOn: null,
                issuedAt: '2026-01-01T10:00:00Z',
                customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
                key: null,
              },
            },
          ],
        },
      }),
      CustomerKeys: () => ({
        customer: {
          __typename: 'Customer',
          id: 'c1',
          protectionKeys: [
            {
              __typename: 'ProtectionKey',
              id: 'k1',
              keyNumber: 'HK-1',
              name: 'Office',
              kind: 'HARDWARE',
              status: 'ACTIVE',
              version: 1,
              createdAt: '2026-01-01T10:00:00Z',
              customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
              replacedBy: null,
            },
          ],
        },
      }),
      CreateProtectionKey: () => ({
        createProtectionKey: {
          __typename: 'ProtectionKeyPayload',
          key: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: ['input', 'keyNumber'],
              code: 'CONFLICT',
              message: 'key number in use',
            },
          ],
        },
      }),
    })
    renderWithProviders(<CustomerLicensing customerId="c1" canAddKeys />, { client: stub.client })
    const licenses = screen.getByRole('region', { name: 'Licenses' })
    expect(
      await within(licenses).findByRole('link', { name: 'AAAAA-BBBBB-CCCCC-DDDDD-E' }),
    ).toHaveAttribute('href', '/licenses/l1')
    expect(within(licenses).getByText('Suspended')).toBeInTheDocument()
    expect(stub.variablesOf('LicenseList')[0]).toMatchObject({ customerId: 'c1' })

    const keys = screen.getByRole('region', { name: 'Protection keys' })
    expect(await within(keys).findByRole('link', { name: 'HK-1' })).toHaveAttribute(
      'href',
      '/keys/k1',
    )
    await userEvent.click(within(keys).getByRole('button', { name: 'New protection key' }))
    await userEvent.type(within(keys).getByLabelText(/^Key number/), 'HK-1')
    await userEvent.type(within(keys).getByLabelText(/^Key name/), 'Spare')
    await userEvent.click(within(keys).getByRole('button', { name: 'Create key' }))
    expect(stub.variablesOf('CreateProtectionKey')).toEqual([
      { input: { customerId: 'c1', keyNumber: 'HK-1', name: 'Spare', kind: 'HARDWARE' } },
    ])
    expect(within(keys).getByLabelText(/^Key number/)).toHaveAttribute('aria-invalid', 'true')
  })
})
