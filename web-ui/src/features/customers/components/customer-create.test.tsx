import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { renderWithProviders } from '../../../testing/render'
import { CustomerCreate } from './customer-create'

const users = { users: [{ __typename: 'User', id: 'VXNlcjox', name: 'Rita Rep' }] }

function setUp(createCustomer: StubAnswer<'CreateCustomer'>['createCustomer']) {
  const stub = createStubClient({
    AssignableUsers: () => users,
    CreateCustomer: () => ({ createCustomer }),
  })
  renderWithProviders(<CustomerCreate />, {
    client: stub.client,
    route: '/customers/new',
    path: '/customers/new',
  })
  return stub
}

async function fillAndSubmit() {
  const user = userEvent.setup()
  await user.type(screen.getByLabelText(/^Name/), 'Acme Software')
  await user.click(screen.getByRole('button', { name: /add a first contact/i }))
  await user.type(screen.getByLabelText(/^Last name/), 'Smith')
  await user.type(screen.getByLabelText('E-mail 1'), 'smith@acme.example')
  await user.click(screen.getByRole('button', { name: '+ Add e-mail' }))
  await user.type(screen.getByLabelText('E-mail 2'), 'not-an-email')
  await user.click(screen.getByRole('button', { name: 'Create customer' }))
}

describe('CustomerCreate', () => {
  it('shows the server userErrors at the fields they name, and the rest above the form', async () => {
    const stub = setUp({
      __typename: 'CustomerPayload',
      customer: null,
      userErrors: [
        {
          __typename: 'UserError',
          field: ['input', 'name'],
          code: 'TOO_LONG',
          message: 'name: at most 200 characters',
        },
        {
          __typename: 'UserError',
          field: ['input', 'contacts', '0', 'emails', '1'],
          code: 'INVALID_FORMAT',
          message: 'not an e-mail address',
        },
        {
          __typename: 'UserError',
          field: ['input', 'contacts', '0', 'lastName'],
          code: 'REQUIRED',
          message: 'lastName is required',
        },
        { __typename: 'UserError', field: null, code: 'NOT_ALLOWED', message: 'reps cannot' },
        {
          __typename: 'UserError',
          field: ['input', 'somethingElse'],
          code: 'INVALID_VALUE',
          message: 'odd',
        },
      ],
    })

    await fillAndSubmit()

    const name = await screen.findByLabelText(/^Name/)
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(name).toHaveAccessibleDescription(
      /This is too long or has too many items\. Server: name: at most 200 characters/,
    )

    const secondEmail = screen.getByLabelText('E-mail 2')
    expect(secondEmail).toHaveAttribute('aria-invalid', 'true')
    expect(secondEmail).toHaveAccessibleDescription(/This does not have the expected format\./)
    expect(screen.getByLabelText('E-mail 1')).toHaveAttribute('aria-invalid', 'false')

    expect(screen.getByLabelText(/^Last name/)).toHaveAccessibleDescription(/This is required\./)
    // the customer's own e-mail is another field
    expect(screen.getByLabelText('E-mail')).toHaveAttribute('aria-invalid', 'false')

    const summary = screen.getByRole('alert')
    expect(within(summary).getByText(/Your role does not allow this change\./)).toBeVisible()
    expect(within(summary).getByText(/This value is not acceptable here\./)).toBeVisible()
    expect(within(summary).queryByText(/too long/)).toBeNull()

    expect(stub.variablesOf('CreateCustomer')).toEqual([
      {
        input: expect.objectContaining({
          name: 'Acme Software',
          status: 'PROSPECT',
          contacts: [
            expect.objectContaining({
              lastName: 'Smith',
              emails: ['smith@acme.example', 'not-an-email'],
              phones: [],
            }),
          ],
        }),
      },
    ])
    expect(screen.getByTestId('location')).toHaveTextContent('/customers/new')
  })

  it('offers to reload when the server answers STALE_VERSION', async () => {
    setUp({
      __typename: 'CustomerPayload',
      customer: null,
      userErrors: [
        { __typename: 'UserError', field: null, code: 'STALE_VERSION', message: 'version 3 != 4' },
      ],
    })
    const user = userEvent.setup()
    await user.type(screen.getByLabelText(/^Name/), 'Acme')
    await user.click(screen.getByRole('button', { name: 'Create customer' }))
    expect(await screen.findByText(/Someone else changed this customer/)).toBeVisible()
  })

  it('checks the name before asking the server', async () => {
    const stub = setUp({ __typename: 'CustomerPayload', customer: null, userErrors: [] })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Create customer' }))
    expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription('This is required.')
    expect(stub.variablesOf('CreateCustomer')).toEqual([])
  })

  it('opens the new customer when it was created', async () => {
    setUp({
      __typename: 'CustomerPayload',
      customer: customerFixture,
      userErrors: [],
    })
    const user = userEvent.setup()
    await user.type(screen.getByLabelText(/^Name/), 'Acme')
    await user.click(screen.getByRole('button', { name: 'Create customer' }))
    expect(await screen.findByTestId('location')).toHaveTextContent('/customers/Q3VzdG9tZXI6MQ')
  })
})

const customerFixture = {
  __typename: 'Customer',
  id: 'Q3VzdG9tZXI6MQ',
  name: 'Acme',
  legalName: null,
  taxId: null,
  industry: null,
  region: null,
  size: null,
  status: 'PROSPECT',
  owner: { __typename: 'User', id: 'VXNlcjox', name: 'Rita Rep' },
  sharedWith: [],
  partner: null,
  tags: [],
  sourceChannel: null,
  website: null,
  email: null,
  phone: null,
  address: null,
  notes: null,
  archived: false,
  version: 1,
  createdAt: '2026-11-23T10:15:30Z',
  updatedAt: '2026-11-23T10:15:30Z',
  contacts: [],
}
