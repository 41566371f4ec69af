import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import * as download from '../utils/download'
import { LicensePage } from './license-page'

const license = {
  __typename: 'License',
  id: 'l1',
  serial: '7K3QF-9XG2M-0RTVB-E4N8H-C',
  name: 'DealerDesk CRM Professional',
  editionCode: 'PRO',
  seats: 5,
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  status: 'ACTIVE',
  licenseModel: 'SUBSCRIPTION',
  issuedAt: '2026-01-01T10:00:00Z',
  version: 2,
  product: { __typename: 'Product', id: 'p1', code: 'DD-CRM', name: 'DealerDesk CRM' },
  customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
  key: null,
  shipment: { __typename: 'Shipment', id: 's1', number: 'SHP-2026-00001' },
  history: [
    {
      __typename: 'LicenseEvent',
      kind: 'ISSUED',
      at: '2026-01-01T10:00:00Z',
      reason: null,
      endsOnBefore: null,
      endsOnAfter: null,
      by: { __typename: 'User', id: 'u1', name: 'Rita Rep' },
      fromKey: null,
      toKey: null,
    },
  ],
}

function setUp(
  extra: Record<string, (v: Record<string, unknown>) => Record<string, unknown>> = {},
) {
  const stub = createStubClient({
    License: () => ({ license }),
    LicenseFile: () => ({
      license: { __typename: 'License', id: 'l1', serial: license.serial, signedFile: 'a.b.c' },
    }),
    ...extra,
  })
  renderWithProviders(<LicensePage canChange />, {
    client: stub.client,
    route: '/licenses/l1',
    path: '/licenses/:id',
  })
  return stub
}

describe('LicensePage', () => {
  afterEach(() => vi.restoreAllMocks())

  it('shows the serial, the facts and the history', async () => {
    setUp()
    expect(await screen.findByRole('heading', { name: license.name })).toBeInTheDocument()
    expect(screen.getByLabelText('Serial number')).toHaveTextContent(license.serial)
    expect(screen.getByRole('link', { name: 'SHP-2026-00001' })).toHaveAttribute(
      'href',
      '/shipments/s1',
    )
    const history = screen.getByRole('region', { name: 'History' })
    expect(within(history).getByText('Issued')).toBeInTheDocument()
    expect(within(history).getByText('by Rita Rep')).toBeInTheDocument()
  })

  it('downloads the signed file as <serial>.lic', async () => {
    const save = vi.spyOn(download, 'saveLicenseFile').mockImplementation(() => new Blob())
    const stub = setUp()
    await userEvent.click(
      await screen.findByRole('button', { name: 'Download signed license file' }),
    )
    expect(stub.variablesOf('LicenseFile')).toEqual([{ id: 'l1' }])
    expect(save).toHaveBeenCalledWith(license.serial, 'a.b.c')
  })

  it('needs a reason to suspend and sends the version', async () => {
    const stub = setUp({
      SuspendLicense: () => ({
        suspendLicense: {
          __typename: 'LicensePayload',
          license: null,
          userErrors: [
            { __typename: 'UserError', field: null, code: 'STALE_VERSION', message: '' },
          ],
        },
      }),
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Suspend' }))
    await userEvent.click(screen.getByRole('button', { name: 'Suspend license' }))
    expect(stub.variablesOf('SuspendLicense')).toEqual([])
    expect(screen.getByLabelText(/^Reason/)).toHaveAttribute('aria-invalid', 'true')
    await userEvent.type(screen.getByLabelText(/^Reason/), 'Unpaid')
    await userEvent.click(screen.getByRole('button', { name: 'Suspend license' }))
    expect(stub.variablesOf('SuspendLicense')).toEqual([
      { input: { id: 'l1', expectedVersion: 2, reason: 'Unpaid' } },
    ])
    expect(screen.getByText(/Reload it to see their changes/)).toBeInTheDocument()
  })
})
