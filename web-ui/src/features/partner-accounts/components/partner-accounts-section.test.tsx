import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { makeFragmentData } from '../../../gql'
import {
  PartnerAccountEntryFieldsFragmentDoc,
  PartnerAccountFieldsFragmentDoc,
  type PartnerAccountEntryFieldsFragment,
  type PartnerAccountFieldsFragment,
} from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubHandlers } from '../../../testing/urql'
import { PartnerAccountsSection } from './partner-accounts-section'

const money = (amount: string) => ({ amount, currency: 'EUR' })

const eur: PartnerAccountFieldsFragment = {
  id: 'acc1',
  currency: 'EUR',
  prepaid: true,
  creditLimit: money('500.00'),
  balance: money('-120.50'),
  version: 3,
}

const entry = (
  id: string,
  fields: Partial<PartnerAccountEntryFieldsFragment>,
): PartnerAccountEntryFieldsFragment => ({
  id,
  kind: 'PAYMENT',
  amount: money('0'),
  balanceAfter: money('0'),
  bookedOn: '2026-10-05',
  order: null,
  agreement: null,
  rebateYear: null,
  reference: null,
  reason: null,
  ...fields,
})

const payment = entry('e1', {
  kind: 'PAYMENT',
  amount: money('1000.00'),
  balanceAfter: money('1000.00'),
  reference: 'BANK-4711',
})
const charge = entry('e2', {
  kind: 'ORDER_CHARGE',
  amount: money('-1120.50'),
  balanceAfter: money('-120.50'),
  bookedOn: '2026-11-12',
  order: { id: 'o1', number: 'ORD-2026-00042' },
})
const rebate = entry('e3', {
  kind: 'REBATE_CREDIT',
  amount: money('80.00'),
  balanceAfter: money('80.00'),
  bookedOn: '2026-01-10',
  agreement: { id: 'ag1', startsOn: '2025-01-01', endsOn: null },
  rebateYear: 2025,
})

const entryRef = (data: PartnerAccountEntryFieldsFragment) =>
  makeFragmentData(data, PartnerAccountEntryFieldsFragmentDoc)

const noErrors = { userErrors: [] }

function setUp(
  handlers: StubHandlers = {},
  rights: { canManage?: boolean; canBook?: boolean } = { canManage: true, canBook: true },
) {
  const stub = createStubClient({
    PartnerAccounts: () => ({
      partner: {
        id: 'pa1',
        name: 'Northwind',
        accounts: [makeFragmentData(eur, PartnerAccountFieldsFragmentDoc)],
      },
    }),
    PartnerAccountStatement: (variables) => ({
      node: {
        __typename: 'PartnerAccount',
        id: 'acc1',
        statement: {
          from: variables.from,
          to: variables.to,
          openingBalance: money('0.00'),
          entries: [entryRef(payment), entryRef(charge)],
          closingBalance: money('-120.50'),
          credits: money('1000.00'),
          debits: money('-1120.50'),
        },
      },
    }),
    PartnerAccountEntries: (variables) => ({
      node: {
        __typename: 'PartnerAccount',
        id: 'acc1',
        entries: variables.after
          ? {
              edges: [{ node: entryRef(rebate) }],
              pageInfo: { hasNextPage: false, endCursor: 'c3' },
            }
          : {
              edges: [{ node: entryRef(charge) }, { node: entryRef(payment) }],
              pageInfo: { hasNextPage: true, endCursor: 'c2' },
            },
      },
    }),
    PartnerRebateAgreements: () => ({
      partner: {
        id: 'pa1',
        agreements: [
          { id: 'ag1', startsOn: '2024-03-01', endsOn: null, currency: 'EUR' },
          { id: 'ag2', startsOn: '2099-01-01', endsOn: null, currency: 'USD' },
        ],
      },
    }),
    ...handlers,
  })
  renderWithProviders(<PartnerAccountsSection partnerId="pa1" {...rights} />, {
    client: stub.client,
  })
  return { stub, user: userEvent.setup() }
}

describe('PartnerAccountsSection', () => {
  it('shows the balance, prepaid and limit, the statement and every entry page by page', async () => {
    const { stub, user } = setUp()
    const account = await screen.findByRole('article', { name: /Account in EUR/ })
    expect(account).toHaveTextContent('Prepaid')
    expect(account).toHaveTextContent('-€120.50')
    expect(account).toHaveTextContent('owed by the partner')
    expect(account).toHaveTextContent('€500.00')
    expect(within(account).getByText('-€120.50').closest('span')).toHaveClass(
      'account-amount-debit',
    )

    const statement = screen.getByRole('region', { name: 'Statement' })
    await within(statement).findByText('Opening balance', { selector: 'th' })
    expect(within(statement).getByRole('link', { name: 'Order ORD-2026-00042' })).toHaveAttribute(
      'href',
      '/orders/o1',
    )
    expect(statement).toHaveTextContent('Reference BANK-4711')
    expect(statement).toHaveTextContent('Closing balance')
    // this quarter unless the user picks another
    const [from] = stub.variablesOf('PartnerAccountStatement') as { from: string; to: string }[]
    expect(from?.from).toMatch(/^\d{4}-(01|04|07|10)-01$/)

    const entries = screen.getByRole('region', { name: 'All entries' })
    await within(entries).findByText('Reference BANK-4711')
    expect(within(entries).queryByText(/Rebate 2025/)).not.toBeInTheDocument()
    await user.click(within(entries).getByRole('button', { name: 'Load more entries' }))
    expect(await within(entries).findByText(/Rebate 2025, agreement from/)).toBeVisible()
    expect(stub.variablesOf('PartnerAccountEntries')).toEqual([
      { id: 'acc1', first: 25, after: null },
      { id: 'acc1', first: 25, after: 'c2' },
    ])
    expect(within(entries).queryByRole('button', { name: 'Load more entries' })).toBeNull()
  })

  it('shows no button to whom may only look', async () => {
    setUp({}, {})
    await screen.findByRole('article', { name: /Account in EUR/ })
    expect(
      screen.queryByRole('button', { name: /Open account|Record payment|Adjust|rebate/ }),
    ).toBeNull()
  })

  it('lets an accountant book but not open or change accounts', async () => {
    setUp({}, { canBook: true })
    const account = await screen.findByRole('article', { name: /Account in EUR/ })
    expect(within(account).getByRole('button', { name: 'Record payment' })).toBeVisible()
    expect(within(account).getByRole('button', { name: 'Adjust' })).toBeVisible()
    expect(
      screen.queryByRole('button', { name: /Open account|Edit prepaid|Credit rebate/ }),
    ).toBeNull()
  })

  it('records a payment, and shows a reference booked before at its field', async () => {
    const RecordPartnerPayment = vi.fn(() => ({
      recordPartnerPayment: {
        entry: null,
        userErrors: [
          {
            field: ['input', 'reference'],
            code: 'CONFLICT' as const,
            message: 'The reference BANK-4711 is already recorded on this account',
          },
        ],
      },
    }))
    const { stub, user } = setUp({ RecordPartnerPayment })
    const account = await screen.findByRole('article', { name: /Account in EUR/ })
    await user.click(within(account).getByRole('button', { name: 'Record payment' }))
    const form = within(account).getByRole('form', { name: 'Record a payment' })
    await user.click(within(form).getByRole('button', { name: 'Record payment' }))
    expect(within(form).getByLabelText(/^Amount/)).toHaveAccessibleDescription(/Enter an amount/)
    expect(RecordPartnerPayment).not.toHaveBeenCalled()

    await user.type(within(form).getByLabelText(/^Amount/), '1 250,50')
    await user.clear(within(form).getByLabelText(/^Received on/))
    await user.type(within(form).getByLabelText(/^Received on/), '2026-11-30')
    await user.type(within(form).getByLabelText(/^Bank reference/), ' BANK-4711 ')
    await user.click(within(form).getByRole('button', { name: 'Record payment' }))
    await vi.waitFor(() =>
      expect(stub.variablesOf('RecordPartnerPayment')).toEqual([
        {
          input: {
            accountId: 'acc1',
            amount: '1250.50',
            receivedOn: '2026-11-30',
            reference: 'BANK-4711',
          },
        },
      ]),
    )
    expect(await within(form).findByText(/already recorded/)).toBeVisible()
    expect(within(form).getByLabelText(/^Bank reference/)).toHaveAccessibleDescription(
      /already recorded/,
    )
  }, 20_000)

  it('sends the version it read when changing the limit, and says when someone was faster', async () => {
    const UpdatePartnerAccount = vi.fn(() => ({
      updatePartnerAccount: {
        account: null,
        userErrors: [
          {
            field: ['input', 'expectedVersion'],
            code: 'STALE_VERSION' as const,
            message: 'The account is at version 4',
          },
        ],
      },
    }))
    const { stub, user } = setUp({ UpdatePartnerAccount })
    const account = await screen.findByRole('article', { name: /Account in EUR/ })
    await user.click(within(account).getByRole('button', { name: 'Edit prepaid and limit' }))
    const form = within(account).getByRole('form', { name: 'Prepaid and credit limit' })
    await user.click(within(form).getByRole('checkbox'))
    const limit = within(form).getByLabelText(/^Credit limit/)
    await user.clear(limit)
    await user.type(limit, '750')
    await user.click(within(form).getByRole('button', { name: 'Save' }))
    await vi.waitFor(() =>
      expect(stub.variablesOf('UpdatePartnerAccount')).toEqual([
        { input: { id: 'acc1', expectedVersion: 3, prepaid: false, creditLimit: '750' } },
      ]),
    )
    const alert = await within(form).findByRole('alert')
    expect(alert).toHaveTextContent('Someone else changed this in the meantime')
    expect(alert).toHaveTextContent('version 4')
    // the account is fetched again, so the next try sends the current version
    await vi.waitFor(() => expect(stub.variablesOf('PartnerAccounts').length).toBeGreaterThan(1))
  }, 20_000)

  it('credits a rebate for a finished year of an agreement, and reloads the entries', async () => {
    const { stub, user } = setUp({
      CreditPartnerRebate: () => ({
        creditPartnerRebate: { entry: { id: 'e9' }, ...noErrors },
      }),
    })
    await screen.findByRole('article', { name: /Account in EUR/ })
    await user.click(screen.getByRole('button', { name: 'Credit rebate' }))
    const form = await screen.findByRole('form', { name: 'Credit a year-end rebate' })
    const agreement = within(form).getByLabelText(/^Agreement/)
    // the agreement that has not run a whole year yet is not offered
    expect(
      within(agreement)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['— choose an agreement —', expect.stringMatching(/^EUR, from /)])
    await user.selectOptions(agreement, 'ag1')
    const years = within(within(form).getByLabelText(/^Year/))
      .getAllByRole('option')
      .map((o) => o.textContent)
    expect(years[years.length - 1]).toBe('2024')
    expect(years[0]).toBe(String(new Date().getFullYear() - 1))
    await user.selectOptions(within(form).getByLabelText(/^Year/), '2025')
    const entriesBefore = stub.variablesOf('PartnerAccountEntries').length
    await user.click(within(form).getByRole('button', { name: 'Credit rebate' }))
    await vi.waitFor(() =>
      expect(stub.variablesOf('CreditPartnerRebate')).toEqual([
        { input: { agreementId: 'ag1', year: 2025 } },
      ]),
    )
    expect(await screen.findByText('Rebate credited.')).toHaveAttribute('role', 'status')
    expect(screen.queryByRole('form', { name: 'Credit a year-end rebate' })).toBeNull()
    await vi.waitFor(() =>
      expect(stub.variablesOf('PartnerAccountEntries').length).toBeGreaterThan(entriesBefore),
    )
  }, 20_000)

  it('opens an account in a currency the partner has none in', async () => {
    const { stub, user } = setUp({
      OpenPartnerAccount: () => ({
        openPartnerAccount: {
          account: makeFragmentData(
            { ...eur, id: 'acc2', currency: 'USD' },
            PartnerAccountFieldsFragmentDoc,
          ),
          ...noErrors,
        },
      }),
    })
    await screen.findByRole('article', { name: /Account in EUR/ })
    await user.click(screen.getByRole('button', { name: '+ Open account' }))
    const form = screen.getByRole('form', { name: 'Open an account' })
    const currency = within(form).getByLabelText(/^Currency/)
    expect(within(currency).queryByRole('option', { name: 'EUR' })).toBeNull()
    await user.selectOptions(currency, 'USD')
    await user.type(within(form).getByLabelText(/^Credit limit/), '1000')
    await user.click(within(form).getByRole('button', { name: 'Open account' }))
    await vi.waitFor(() =>
      expect(stub.variablesOf('OpenPartnerAccount')).toEqual([
        { input: { partnerId: 'pa1', currency: 'USD', prepaid: true, creditLimit: '1000' } },
      ]),
    )
  }, 20_000)
})
