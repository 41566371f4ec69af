import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { LicenseModel } from '../../../gql/graphql'
import type { Permission } from '../../../lib/permissions'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { LicensePaymentPlan } from './license-payment-plan'

function setUp(licenseModel: LicenseModel, permissions?: readonly Permission[]) {
  const stub = createStubClient({
    LicensePaymentPlan: () => ({
      license: {
        id: 'l1',
        licenseModel,
        endsOn: '2027-01-31',
        paidUntil: null,
        customer: { id: 'cu1' },
        paymentPlan: null,
      },
    }),
    CustomerPlans: () => ({
      orders: {
        edges: [
          {
            node: { id: 'o1', number: 'ORD-2026-00007', paymentPlan: { id: 'p1', planVersion: 1 } },
          },
          { node: { id: 'o2', number: 'ORD-2026-00008', paymentPlan: null } },
        ],
      },
      contracts: { edges: [] },
    }),
    BindLicenseToPaymentPlan: () => ({
      bindLicenseToPaymentPlan: {
        license: { id: 'l1', endsOn: '2027-02-28', paidUntil: '2027-02-28' },
        userErrors: [],
      },
    }),
  })
  renderWithProviders(<LicensePaymentPlan licenseId="l1" />, { client: stub.client, permissions })
  return stub
}

describe('LicensePaymentPlan', () => {
  it('binds a time-limited license to one of the customer’s plans', async () => {
    const stub = setUp('TIME_LIMITED')
    await userEvent.click(await screen.findByRole('button', { name: 'Bind to payment plan' }))
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: /^Payment plan/ }),
      'Plan v1 of ORD-2026-00007',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Bind' }))
    await waitFor(() =>
      expect(stub.variablesOf('BindLicenseToPaymentPlan')).toEqual([
        { input: { licenseId: 'l1', paymentPlanId: 'p1' } },
      ]),
    )
  })

  it('offers no binding without PAYMENT_PLAN UPDATE, nor for other license models', async () => {
    setUp('TIME_LIMITED', [])
    expect(await screen.findByText('Not bound to a payment plan.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Bind to payment plan' })).toBeNull()
  })

  it('shows nothing for a subscription', async () => {
    const stub = setUp('SUBSCRIPTION')
    await waitFor(() => expect(stub.operations.length).toBeGreaterThan(0))
    expect(screen.queryByRole('heading', { name: 'Payment plan' })).toBeNull()
  })
})
