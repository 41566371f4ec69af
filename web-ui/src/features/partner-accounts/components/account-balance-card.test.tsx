import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeFragmentData } from '../../../gql'
import { PartnerAccountFieldsFragmentDoc } from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { AccountBalanceCard } from './account-balance-card'

const account = (id: string, currency: string, balance: string, prepaid: boolean) =>
  makeFragmentData(
    {
      id,
      currency,
      prepaid,
      creditLimit: { amount: '0.00', currency },
      balance: { amount: balance, currency },
      version: 1,
    },
    PartnerAccountFieldsFragmentDoc,
  )

describe('AccountBalanceCard', () => {
  it('shows each currency’s balance in the user’s language and leads to the account page', async () => {
    const stub = createStubClient({
      PartnerAccounts: () => ({
        partner: {
          id: 'pa1',
          name: 'Northwind',
          accounts: [account('a1', 'EUR', '1500.00', true), account('a2', 'USD', '-20.00', false)],
        },
      }),
    })
    renderWithProviders(<AccountBalanceCard partnerId="pa1" to="/portal/account" />, {
      client: stub.client,
      language: 'ru',
    })
    const card = await screen.findByRole('region', { name: 'Счёт' })
    const rows = within(card).getAllByRole('listitem')
    expect(rows[0]).toHaveTextContent(/Счёт в EUR\s*Предоплата\s*1\s500,00\s€/)
    expect(rows[1]).toHaveTextContent(/-20,00\s\$/)
    expect(within(card).getByRole('link', { name: 'Открыть счёт' })).toHaveAttribute(
      'href',
      '/portal/account',
    )
  })

  it('says so when the partner has no account', async () => {
    const stub = createStubClient({
      PartnerAccounts: () => ({ partner: { id: 'pa1', name: 'Northwind', accounts: [] } }),
    })
    renderWithProviders(<AccountBalanceCard partnerId="pa1" to="/portal/account" />, {
      client: stub.client,
    })
    expect(await screen.findByText('No account with the vendor.')).toBeVisible()
  })
})
