import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeFragmentData } from '../../../gql'
import {
  PerformanceRowFieldsFragmentDoc,
  type PerformanceRowFieldsFragment,
} from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { PerformancePage } from './performance-page'

const eur = (amount: string) => ({ amount, currency: 'EUR' })
const band = (amount: string, percent: string) => ({ threshold: eur(amount), percent })

const row = (
  partner: { id: string; name: string } | null,
  sales: string,
  rebate: PerformanceRowFieldsFragment['rebate'],
): PerformanceRowFieldsFragment => ({
  partner,
  sales: eur(sales),
  orders: 3,
  registrationsSubmitted: 4,
  registrationsApproved: 2,
  registrationsRejected: 1,
  registrationsConverted: 1,
  rebate,
})

const northwind = { id: 'pa1', name: 'Northwind Software GmbH' }

describe('PerformancePage', () => {
  it('asks for the period and currency in the address and shows what is needed for the next band', async () => {
    const rebate = {
      agreement: { id: 'ag1', currency: 'EUR' },
      volume: eur('2000000.00'),
      currentBand: band('1000000.00', '2'),
      accrued: eur('40000.00'),
      nextBand: band('3000000.00', '4'),
      neededForNextBand: eur('1000000.00'),
    }
    const stub = createStubClient({
      PartnerPerformance: () => ({
        partnerPerformance: {
          from: '2026-01-01',
          to: '2026-12-31',
          currency: 'USD',
          byPartner: [
            {
              partner: { id: northwind.id },
              ...makeFragmentData(
                row(northwind, '2000000.00', rebate),
                PerformanceRowFieldsFragmentDoc,
              ),
            },
          ],
          byRegion: [{ region: 'DACH', sales: eur('2000000.00'), orders: 3 }],
          byProduct: [],
          total: makeFragmentData(row(null, '2000000.00', null), PerformanceRowFieldsFragmentDoc),
        },
      }),
    })
    renderWithProviders(<PerformancePage />, {
      client: stub.client,
      route: '/channel/performance?period=lastYear&currency=USD',
      path: '/channel/performance',
    })
    const rebates = await screen.findByRole('region', { name: 'Rebate progress this year' })
    expect(within(rebates).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50')
    expect(rebates).toHaveTextContent('2% band reached, €40,000.00 accrued')
    expect(rebates).toHaveTextContent('€1,000,000.00 more needed for the 4% band')
    const year = new Date().getFullYear() - 1
    for (const variables of stub.variablesOf('PartnerPerformance')) {
      expect(variables).toEqual({ from: `${year}-01-01`, to: `${year}-12-31`, currency: 'USD' })
    }
  })
})
