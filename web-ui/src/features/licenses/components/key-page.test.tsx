import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
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

const row = (id: string, serial: string, keyId: string | null, status = 'ACTIVE') => ({
  __typename: 'LicenseEdge',
  cursor: id,
  node: {
    __typename: 'License',
    id,
    serial,
    name: 'CRM Professional',
    seats: 5,
    status,
    startsOn: '2026-01-01',
    endsOn: null,
    issuedAt: '2026-02-01T10:00:00Z',
    customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
    key: keyId ? { __typename: 'ProtectionKey', id: keyId, keyNumber: `N-${keyId}` } : null,
  },
})

const customerLicenses = () => ({
  licenses: {
    __typename: 'LicenseConnection',
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: [
      row('l1', 'AAAAA-BBBBB-CCCCC-DDDDD-E', 'k1'),
      row('l2', 'FFFFF-GGGGG-HHHHH-JJJJJ-K', null),
      row('l3', 'MMMMM-NNNNN-PPPPP-QQQQQ-R', 'k9'),
      row('l4', 'SSSSS-TTTTT-VVVVV-WWWWW-X', null, 'REVOKED'),
    ],
  },
})

type Handler = (v: Record<string, unknown>) => Record<string, unknown>

function setUp(extra: Record<string, Handler> = {}) {
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
    LicenseList: customerLicenses,
    ...extra,
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

  it('binds chosen licenses of the customer that are not on this key', async () => {
    const stub = setUp({
      BindLicenses: () => ({
        bindLicenses: { __typename: 'BindLicensesPayload', licenses: [], userErrors: [] },
      }),
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Bind licenses' }))
    const dialog = screen.getByRole('dialog', { name: 'Bind licenses to key HK-100' })
    const group = await within(dialog).findByRole('group', {
      name: 'Licenses of Acme not bound to this key',
    })
    // neither the license already on this key nor a revoked one
    expect(within(group).getAllByRole('checkbox')).toHaveLength(2)
    expect(within(group).queryByText('AAAAA-BBBBB-CCCCC-DDDDD-E')).not.toBeInTheDocument()
    expect(within(group).getByText(/now on key N-k9/)).toBeInTheDocument()
    expect(stub.variablesOf('LicenseList')).toEqual([{ customerId: 'c1', first: 100, after: null }])

    await userEvent.click(within(dialog).getByRole('button', { name: 'Bind' }))
    expect(stub.variablesOf('BindLicenses')).toEqual([])
    expect(within(dialog).getByRole('alert')).toHaveTextContent('This is required.')

    await userEvent.click(within(group).getByRole('checkbox', { name: /MMMMM-NNNNN/ }))
    await userEvent.click(within(group).getByRole('checkbox', { name: /FFFFF-GGGGG/ }))
    await userEvent.type(within(dialog).getByLabelText(/^Reason/), 'Moved to the office dongle')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Bind licenses (2)' }))
    expect(stub.variablesOf('BindLicenses')).toEqual([
      { input: { licenseIds: ['l3', 'l2'], keyId: 'k1', reason: 'Moved to the office dongle' } },
    ])
    // bound: the dialog closes and the serial numbers show
    expect(await screen.findByRole('tabpanel', { name: 'Serial numbers' })).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('shows a license’s error at that license', async () => {
    setUp({
      BindLicenses: () => ({
        bindLicenses: {
          __typename: 'BindLicensesPayload',
          licenses: [],
          userErrors: [
            {
              __typename: 'UserError',
              field: ['input', 'licenseIds', '1'],
              code: 'CONFLICT',
              message: 'The license is revoked',
            },
          ],
        },
      }),
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Bind licenses' }))
    const dialog = screen.getByRole('dialog', { name: 'Bind licenses to key HK-100' })
    const first = await within(dialog).findByRole('checkbox', { name: /FFFFF-GGGGG/ })
    const second = within(dialog).getByRole('checkbox', { name: /MMMMM-NNNNN/ })
    await userEvent.click(first)
    await userEvent.click(second)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Bind licenses (2)' }))
    expect(await within(dialog).findByText(/The license is revoked/)).toBeInTheDocument()
    expect(second).toHaveAttribute('aria-invalid', 'true')
    expect(second).toHaveAccessibleDescription(/This conflicts with the current state/)
    expect(first).toHaveAttribute('aria-invalid', 'false')
    expect(screen.getByRole('dialog', { name: 'Bind licenses to key HK-100' })).toBeInTheDocument()
  })

  it('unbinds a serial number with keyId null', async () => {
    const stub = setUp({
      BindLicenses: () => ({
        bindLicenses: { __typename: 'BindLicensesPayload', licenses: [], userErrors: [] },
      }),
    })
    await userEvent.click(await screen.findByRole('tab', { name: 'Serial numbers' }))
    await userEvent.click(
      await screen.findByRole('button', { name: 'Unbind AAAAA-BBBBB-CCCCC-DDDDD-E' }),
    )
    const dialog = screen.getByRole('dialog', {
      name: 'Unbind AAAAA-BBBBB-CCCCC-DDDDD-E from this key',
    })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Unbind license' }))
    expect(stub.variablesOf('BindLicenses')).toEqual([
      { input: { licenseIds: ['l1'], keyId: null, reason: null } },
    ])
    // the serial numbers load afresh
    await vi.waitFor(() => expect(stub.variablesOf('KeyLicenses')).toHaveLength(2))
  })

  it('offers no binding to those who may not change keys', async () => {
    const stub = createStubClient({
      ProtectionKey: () => ({ protectionKey: key }),
    })
    renderWithProviders(<ProtectionKeyPage canChange={false} />, {
      client: stub.client,
      route: '/keys/k1',
      path: '/keys/:id',
    })
    expect(
      await screen.findByRole('heading', { name: 'Protection key HK-100' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Bind licenses' })).not.toBeInTheDocument()
  })
})
