import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { BudgetPage } from './budget-page'

const eur = (amount: string) => ({ amount, currency: 'EUR' })

const month = (
  iso: string,
  planned: string,
  pipeline: string,
  received: string,
): StubAnswer<'IncomeBudget'>['incomeBudget'][number] => ({
  month: iso,
  planned: eur(planned),
  weightedPipeline: eur(pipeline),
  expected: eur((Number(planned) + Number(pipeline)).toFixed(2)),
  received: eur(received),
})

describe('BudgetPage', () => {
  it('asks for 12 months from this month and shows each month’s figures', async () => {
    const stub = createStubClient({
      IncomeBudget: () => ({
        incomeBudget: [
          month('2026-12-01', '1000.00', '250.50', '400.00'),
          month('2027-01-01', '0.00', '0.00', '0.00'),
        ],
      }),
    })
    renderWithProviders(<BudgetPage />, { client: stub.client })
    const table = await screen.findByRole('table')
    const first = within(table).getAllByRole('row')[1]!
    expect(first).toHaveTextContent('€1,000.00')
    expect(first).toHaveTextContent('€250.50')
    expect(first).toHaveTextContent('€1,250.50')
    expect(first).toHaveTextContent('€400.00')
    const [variables] = stub.variablesOf('IncomeBudget') as [
      { from: string; to: string; currency: string },
    ]
    expect(variables.currency).toBe('EUR')
    expect(variables.from).toMatch(/^\d{4}-\d{2}-01$/)
    const [fy, fm] = variables.from.split('-').map(Number) as [number, number]
    const [ty, tm] = variables.to.split('-').map(Number) as [number, number]
    expect(ty * 12 + tm - (fy * 12 + fm)).toBe(11)
  })

  it('says why it is empty', async () => {
    const stub = createStubClient({
      IncomeBudget: () => ({ incomeBudget: [month('2026-12-01', '0.00', '0.00', '0.00')] }),
    })
    renderWithProviders(<BudgetPage />, { client: stub.client })
    expect(
      await screen.findByText('Nothing planned, expected or received in these months.'),
    ).toBeInTheDocument()
  })
})
