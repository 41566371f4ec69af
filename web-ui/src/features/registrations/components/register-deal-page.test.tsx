import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { RegisterDealPage } from './register-deal-page'

type Found = {
  id: string
  name: string
  taxId: string | null
  region: string | null
  industry: string | null
}

function setUp(subDealers: { id: string; name: string }[] = [], customers: Found[] = []) {
  const partner = { id: 'pa1', name: 'Northwind Software GmbH' }
  const stub = createStubClient({
    RegistrationSubDealers: () => ({
      partners: { edges: subDealers.map((node) => ({ node })) },
    }),
    RegistrationProductSearch: () => ({
      products: {
        edges: [
          {
            node: {
              id: 'p1',
              code: 'DD-CRM',
              name: 'DealerDesk CRM',
              editions: [{ code: 'PRO', name: 'Professional' }],
            },
          },
        ],
      },
    }),
    RegistrationCustomerSearch: () => ({
      customers: { edges: customers.map((node) => ({ node })) },
    }),
    SubmitDealRegistration: () => ({
      submitDealRegistration: {
        registration: { id: 'reg-9', number: 'REG-2026-00009' },
        userErrors: [],
      },
    }),
  })
  renderWithProviders(<RegisterDealPage partner={partner} />, {
    client: stub.client,
    route: '/registrations/new',
    path: '/registrations/new',
  })
  return { stub, user: userEvent.setup() }
}

describe('RegisterDealPage', () => {
  it('checks the form before sending anything', async () => {
    const { stub, user } = setUp()
    await user.click(screen.getByRole('button', { name: 'Submit registration' }))
    expect(screen.getByLabelText(/Search our customers/)).toHaveAccessibleDescription(
      /Choose one of your customers/,
    )
    expect(screen.getByLabelText(/^Product 1/)).toHaveAccessibleDescription(/Choose a product/)
    expect(screen.getByLabelText(/^Expected amount/)).toHaveAccessibleDescription(
      /greater than zero/,
    )
    expect(stub.variablesOf('SubmitDealRegistration')).toEqual([])
  }, 20_000)

  it('registers a deal for a new customer with a catalogue product and opens it', async () => {
    const { stub, user } = setUp()
    await user.click(screen.getByRole('radio', { name: 'A new customer' }))
    await user.type(screen.getByLabelText(/^Customer name/), 'Acme GmbH')
    await user.type(screen.getByLabelText(/^Tax id/), 'DE123456789')
    await user.type(screen.getByLabelText(/^E-mail domain/), 'acme.example')
    await user.type(screen.getByLabelText(/^Region/), 'DACH')
    await user.type(screen.getByLabelText(/^Product 1/), 'crm')
    await user.click(await screen.findByRole('button', { name: 'DD-CRM — DealerDesk CRM' }))
    await user.selectOptions(screen.getByLabelText(/^Edition \(product 1\)/), 'PRO')
    await user.clear(screen.getByLabelText(/^Quantity \(product 1\)/))
    await user.type(screen.getByLabelText(/^Quantity \(product 1\)/), '5')
    await user.type(screen.getByLabelText(/^Expected amount/), '12000')
    await user.type(screen.getByLabelText(/^Expected close/), '2099-03-31')
    await user.click(screen.getByRole('button', { name: 'Submit registration' }))
    await vi.waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/registrations/reg-9'),
    )
    expect(stub.variablesOf('SubmitDealRegistration')).toEqual([
      {
        input: {
          customerName: 'Acme GmbH',
          customerTaxId: 'DE123456789',
          customerEmailDomain: 'acme.example',
          customerRegion: 'DACH',
          customerIndustry: null,
          lines: [{ productId: 'p1', editionCode: 'PRO', quantity: 5 }],
          expectedAmount: { amount: '12000', currency: 'EUR' },
          expectedCloseOn: '2099-03-31',
          note: null,
        },
      },
    ])
    // many fields typed key by key: slow on a busy machine
  }, 60_000)

  it('registers for a sub-dealer when one is chosen', async () => {
    const { stub, user } = setUp([{ id: 'pa-sub', name: 'Northwind Nord' }])
    await user.selectOptions(await screen.findByLabelText('Register for'), 'pa-sub')
    await user.click(screen.getByRole('radio', { name: 'A new customer' }))
    await user.type(screen.getByLabelText(/^Customer name/), 'Acme GmbH')
    await user.type(screen.getByLabelText(/^Product 1/), 'crm')
    await user.click(await screen.findByRole('button', { name: 'DD-CRM — DealerDesk CRM' }))
    await user.type(screen.getByLabelText(/^Expected amount/), '100')
    await user.type(screen.getByLabelText(/^Expected close/), '2099-03-31')
    await user.click(screen.getByRole('button', { name: 'Submit registration' }))
    await vi.waitFor(() =>
      expect(stub.variablesOf('SubmitDealRegistration')[0]?.input).toMatchObject({
        partnerId: 'pa-sub',
        customerName: 'Acme GmbH',
      }),
    )
  }, 60_000)

  it('shows the chosen customer’s recorded region and asks for the industry it lacks', async () => {
    const { stub, user } = setUp(
      [],
      [{ id: 'c1', name: 'Acme GmbH', taxId: null, region: 'DACH', industry: null }],
    )
    await user.type(screen.getByLabelText(/Search our customers/), 'ac')
    await user.click(await screen.findByRole('button', { name: 'Acme GmbH' }))
    // recorded: shown, not editable
    expect(screen.getByLabelText(/^Region/)).toHaveTextContent('DACH')
    expect(screen.getByLabelText(/^Region/)).toHaveAccessibleDescription(
      'As recorded for the customer.',
    )
    expect(screen.queryByRole('textbox', { name: /^Region/ })).toBeNull()
    // not recorded: the partner says it
    const industry = screen.getByRole('textbox', { name: /^Industry/ })
    expect(industry).toHaveAccessibleDescription(/Not recorded for this customer/)
    await user.type(industry, 'Retail')
    await user.type(screen.getByLabelText(/^Product 1/), 'crm')
    await user.click(await screen.findByRole('button', { name: 'DD-CRM — DealerDesk CRM' }))
    await user.type(screen.getByLabelText(/^Expected amount/), '100')
    await user.type(screen.getByLabelText(/^Expected close/), '2099-03-31')
    await user.click(screen.getByRole('button', { name: 'Submit registration' }))
    await vi.waitFor(() =>
      expect(stub.variablesOf('SubmitDealRegistration')[0]?.input).toMatchObject({
        customerId: 'c1',
        customerRegion: null,
        customerIndustry: 'Retail',
      }),
    )
  }, 60_000)
})
