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

  const editions = () => ({
    license: {
      __typename: 'License',
      id: 'l1',
      product: {
        __typename: 'Product',
        id: 'p1',
        editions: [
          { __typename: 'ProductEdition', code: 'STD', name: 'Standard', active: true },
          { __typename: 'ProductEdition', code: 'PRO', name: 'Professional', active: true },
          { __typename: 'ProductEdition', code: 'ENT', name: 'Enterprise', active: true },
          { __typename: 'ProductEdition', code: 'OLD', name: 'Classic', active: false },
        ],
      },
    },
  })

  it('upgrades with only what changed: the seats alone, then the edition alone', async () => {
    const stub = setUp({
      LicenseEditions: editions,
      UpgradeLicense: () => ({
        upgradeLicense: { __typename: 'LicensePayload', license: null, userErrors: [] },
      }),
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Upgrade' }))
    const dialog = screen.getByRole('dialog', { name: 'Upgrade the license' })
    const edition = await within(dialog).findByLabelText('Edition')
    expect(
      within(edition)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Standard (STD)', 'Professional (PRO)', 'Enterprise (ENT)'])
    expect(edition).toHaveValue('PRO')

    await userEvent.click(within(dialog).getByRole('button', { name: 'Upgrade license' }))
    expect(stub.variablesOf('UpgradeLicense')).toEqual([])
    expect(within(dialog).getByText(/Choose another edition/)).toBeInTheDocument()

    const seats = within(dialog).getByLabelText(/^Seats/)
    await userEvent.clear(seats)
    await userEvent.type(seats, '10')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upgrade license' }))
    await userEvent.clear(seats)
    await userEvent.type(seats, '5')
    await userEvent.selectOptions(edition, 'ENT')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upgrade license' }))
    expect(stub.variablesOf('UpgradeLicense')).toEqual([
      { input: { id: 'l1', expectedVersion: 2, reason: null, seats: 10 } },
      { input: { id: 'l1', expectedVersion: 2, reason: null, editionCode: 'ENT' } },
    ])
  })

  it('shows the upgrade errors at their fields, and a reload on STALE_VERSION', async () => {
    setUp({
      LicenseEditions: editions,
      UpgradeLicense: () => ({
        upgradeLicense: {
          __typename: 'LicensePayload',
          license: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: ['input', 'editionCode'],
              code: 'INVALID_VALUE',
              message: 'Not an active edition',
            },
            { __typename: 'UserError', field: null, code: 'STALE_VERSION', message: '' },
          ],
        },
      }),
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Upgrade' }))
    const dialog = screen.getByRole('dialog', { name: 'Upgrade the license' })
    const seats = within(dialog).getByLabelText(/^Seats/)
    await userEvent.clear(seats)
    await userEvent.type(seats, '0')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upgrade license' }))
    expect(seats).toHaveAttribute('aria-invalid', 'true')

    await userEvent.selectOptions(await within(dialog).findByLabelText('Edition'), 'STD')
    await userEvent.clear(seats)
    await userEvent.type(seats, '5')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upgrade license' }))
    expect(await within(dialog).findByLabelText('Edition')).toHaveAttribute('aria-invalid', 'true')
    expect(within(dialog).getByText(/Not an active edition/)).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Reload' })).toBeInTheDocument()
    expect(seats).toHaveAttribute('aria-invalid', 'false')
  })

  it('shows an upgrade in the history with the edition and seats before and after', async () => {
    const upgraded = {
      ...license,
      history: [
        {
          __typename: 'LicenseEvent',
          kind: 'UPGRADED',
          at: '2026-03-01T10:00:00Z',
          reason: 'Sold 5 more seats',
          endsOnBefore: null,
          endsOnAfter: null,
          editionBefore: 'STD',
          editionAfter: 'PRO',
          seatsBefore: 5,
          seatsAfter: 10,
          by: { __typename: 'User', id: 'u2', name: 'Max Manager' },
          fromKey: null,
          toKey: null,
        },
        ...license.history,
      ],
    }
    setUp({ License: () => ({ license: upgraded }) })
    const history = await screen.findByRole('region', { name: 'History' })
    expect(within(history).getByText('Upgraded')).toBeInTheDocument()
    expect(within(history).getByText('Edition: STD → PRO')).toBeInTheDocument()
    expect(within(history).getByText('Seats: 5 → 10')).toBeInTheDocument()
    expect(within(history).getByText('Sold 5 more seats')).toBeInTheDocument()
  })

  it('offers no upgrade to those who may not change terms', async () => {
    const stub = createStubClient({ License: () => ({ license }) })
    renderWithProviders(<LicensePage canChange={false} />, {
      client: stub.client,
      route: '/licenses/l1',
      path: '/licenses/:id',
    })
    expect(await screen.findByRole('heading', { name: license.name })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Upgrade' })).not.toBeInTheDocument()
  })
})
