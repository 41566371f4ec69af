import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeFragmentData } from '../../../gql'
import { AgeingRowFieldsFragmentDoc } from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { CollectionsPage } from './collections-page'

const money = (amount: string, currency: string) => ({ amount, currency })

function ageing(currency: string, [notDue, d30, d60, d90, over]: string[]) {
  const total = String(
    [notDue, d30, d60, d90, over].reduce((sum, v) => sum + Number(v), 0).toFixed(2),
  )
  return makeFragmentData(
    {
      currency,
      notDue: money(notDue!, currency),
      days1to30: money(d30!, currency),
      days31to60: money(d60!, currency),
      days61to90: money(d90!, currency),
      over90: money(over!, currency),
      total: money(total, currency),
    },
    AgeingRowFieldsFragmentDoc,
  )
}

const acme = { id: 'cu1', name: 'Acme' }

const collections: StubAnswer<'Collections'> = {
  collections: {
    asOf: '2026-12-02',
    dueThisWeek: [
      {
        dueOn: '2026-12-04',
        daysOverdue: 0,
        customer: acme,
        plannedPayment: { id: 'pp1', label: 'Instalment 3 of 12', status: 'DUE' },
        invoice: null,
        open: money('250.00', 'EUR'),
      },
    ],
    totals: [
      ageing('EUR', ['100.00', '200.00', '0.00', '0.00', '0.00']),
      ageing('USD', ['0.00', '0.00', '0.00', '0.00', '900.00']),
    ],
    byCustomer: [
      { customer: acme, ...ageing('EUR', ['100.00', '200.00', '0.00', '0.00', '0.00']) },
      { customer: acme, ...ageing('USD', ['0.00', '0.00', '0.00', '0.00', '900.00']) },
    ],
    byOwner: [],
    byPartner: [{ partner: null, ...ageing('EUR', ['100.00', '200.00', '0.00', '0.00', '0.00']) }],
    receivedByMonth: [],
  },
}

describe('CollectionsPage', () => {
  it('shows every amount in its own currency, a row per customer and currency', async () => {
    const stub = createStubClient({
      Collections: () => collections,
      IncomeBudget: () => ({ incomeBudget: [] }),
    })
    renderWithProviders(<CollectionsPage />, { client: stub.client })
    const byCustomer = await screen.findByRole('table', { name: 'By customer' })
    const rows = within(byCustomer).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toHaveTextContent('Acme')
    expect(rows[0]).toHaveTextContent('EUR')
    expect(within(rows[0]!).getAllByRole('cell').at(-1)).toHaveTextContent('€300.00')
    expect(rows[1]).toHaveTextContent('USD')
    expect(within(rows[1]!).getAllByRole('cell').at(-1)).toHaveTextContent('$900.00')
    // nothing added across currencies
    expect(screen.queryByText('€1,200.00')).toBeNull()
    expect(screen.queryByText('$1,200.00')).toBeNull()

    const totals = screen.getByRole('table', { name: 'Ageing' })
    expect(within(totals).getAllByRole('row')).toHaveLength(3)

    // direct customers are one row without a partner
    expect(screen.getByRole('table', { name: 'By partner' })).toHaveTextContent('Direct customers')
    // an empty table says why
    expect(screen.getByText('No customer has money overdue on this date.')).toBeInTheDocument()

    const due = screen.getByRole('region', { name: 'Due this week' })
    expect(due).toHaveTextContent('Instalment 3 of 12')
    expect(within(due).getByText('Due', { selector: '.badge' })).toHaveClass('badge-tone-warning')
    expect(stub.variablesOf('Collections')[0]).toEqual({
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    })
  })

  it('says why there is nothing to show', async () => {
    const stub = createStubClient({
      Collections: () => ({
        collections: {
          ...collections.collections,
          dueThisWeek: [],
          totals: [],
          byCustomer: [],
          byPartner: [],
        },
      }),
      IncomeBudget: () => ({ incomeBudget: [] }),
    })
    renderWithProviders(<CollectionsPage />, { client: stub.client })
    expect(
      await screen.findByText('Nothing falls due in the 7 days from this date.'),
    ).toBeInTheDocument()
    expect(screen.getByText(/Nothing is open: every invoice/)).toBeInTheDocument()
    expect(
      screen.getByText('Nothing was received or planned in these 12 months.'),
    ).toBeInTheDocument()
  })
})
