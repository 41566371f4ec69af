import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { LICENSE_PROBLEMS, verifyVariables } from '../utils/verify'
import { VerifyLicensePage } from './verify-page'

const signingKey = {
  __typename: 'LicenseSigningKey',
  algorithm: 'Ed25519',
  keyId: 'dd-2026-1',
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n',
}

const license = {
  __typename: 'License',
  id: 'l1',
  serial: '7K3QF-9XG2M-0RTVB-E4N8H-C',
  name: 'DealerDesk CRM Professional',
  status: 'SUSPENDED',
  customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
} as const

function setUp(
  answer: (v: { serial?: string | null; file?: string | null }) => StubAnswer<'VerifyLicense'>,
) {
  const stub = createStubClient({
    LicenseSigningKey: () => ({ licenseSigningKey: signingKey }),
    VerifyLicense: answer,
  })
  renderWithProviders(<VerifyLicensePage />, {
    client: stub.client,
    route: '/licenses/verify',
    path: '/licenses/verify',
  })
  return stub
}

describe('VerifyLicensePage', () => {
  it('tells a serial number from a signed file', () => {
    expect(verifyVariables(' 7K3QF-9XG2M-0RTVB-E4N8H-C\n')).toEqual({
      serial: '7K3QF-9XG2M-0RTVB-E4N8H-C',
      file: null,
    })
    expect(verifyVariables('eyJh.eyJz.c2ln\n')).toEqual({ serial: null, file: 'eyJh.eyJz.c2ln' })
  })

  it('checks a serial number and explains each problem, with the license link', async () => {
    const stub = setUp(() => ({
      verifyLicense: {
        __typename: 'LicenseVerification',
        valid: false,
        problems: ['EXPIRED', 'SUSPENDED'],
        license,
      },
    }))
    await userEvent.click(screen.getByRole('button', { name: 'Check' }))
    expect(stub.variablesOf('VerifyLicense')).toEqual([])
    expect(screen.getByLabelText(/^Serial number or signed license file/)).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    await userEvent.type(
      screen.getByLabelText(/^Serial number or signed license file/),
      license.serial,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Check' }))
    expect(stub.variablesOf('VerifyLicense')).toEqual([{ serial: license.serial, file: null }])
    const result = await screen.findByRole('region', { name: 'Not valid' })
    expect(within(result).getByText('Expired.')).toBeInTheDocument()
    expect(within(result).getByText(/The license period has ended/)).toBeInTheDocument()
    expect(within(result).getByText(/suspended for now/)).toBeInTheDocument()
    expect(within(result).getByRole('link', { name: license.serial })).toHaveAttribute(
      'href',
      '/licenses/l1',
    )
  })

  it('reads a chosen .lic file as text and checks it as a file', async () => {
    const stub = setUp(() => ({
      verifyLicense: {
        __typename: 'LicenseVerification',
        valid: true,
        problems: [],
        license: null,
      },
    }))
    const file = new File(['eyJhbGciOiJFZERTQSJ9.eyJzZXJpYWwiOiJYIn0.c2lnbmF0dXJl\n'], 'x.lic', {
      type: 'text/plain',
    })
    await userEvent.upload(screen.getByLabelText('Or choose a .lic file'), file)
    expect(await screen.findByText('Read from x.lic.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Check' }))
    expect(stub.variablesOf('VerifyLicense')).toEqual([
      { serial: null, file: 'eyJhbGciOiJFZERTQSJ9.eyJzZXJpYWwiOiJYIn0.c2lnbmF0dXJl' },
    ])
    expect(
      await screen.findByRole('region', { name: 'Valid: the license may be used today.' }),
    ).toHaveTextContent('Checked as a signed license file.')
  })

  it('explains all nine problems in plain words', async () => {
    setUp(() => ({
      verifyLicense: {
        __typename: 'LicenseVerification',
        valid: false,
        problems: [...LICENSE_PROBLEMS],
        license: null,
      },
    }))
    await userEvent.type(screen.getByLabelText(/^Serial number or signed/), 'junk')
    await userEvent.click(screen.getByRole('button', { name: 'Check' }))
    const result = await screen.findByRole('region', { name: 'Not valid' })
    const items = within(result).getAllByRole('listitem')
    expect(items).toHaveLength(9)
    for (const item of items) expect(item.textContent).not.toMatch(/problem\.|[A-Z]{2,}_/)
  })

  it('shows the signing key with a copy button and where the API serves it', async () => {
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    setUp(() => ({
      verifyLicense: {
        __typename: 'LicenseVerification',
        valid: true,
        problems: [],
        license: null,
      },
    }))
    const panel = await screen.findByRole('region', { name: 'License signing key' })
    expect(await within(panel).findByText('Ed25519')).toBeInTheDocument()
    expect(within(panel).getByText('dd-2026-1')).toBeInTheDocument()
    expect(within(panel).getByLabelText('Public key (PEM)')).toHaveTextContent('BEGIN PUBLIC KEY')
    expect(within(panel).getByText(/verify license files offline/)).toBeInTheDocument()
    expect(within(panel).getByText(/\/license-signing-key\.pem/)).toBeInTheDocument()
    await userEvent.click(within(panel).getByRole('button', { name: 'Copy public key' }))
    expect(writeText).toHaveBeenCalledWith(signingKey.publicKeyPem)
    expect(await within(panel).findByText('Copied.')).toBeInTheDocument()
  })
})
