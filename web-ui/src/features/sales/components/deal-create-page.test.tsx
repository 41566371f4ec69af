import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { makeFragmentData } from '../../../gql'
import {
  OpportunityCardFieldsFragmentDoc,
  type CreateOpportunityMutation,
  type CreateOpportunityMutationVariables,
  type DealCampaignOptionsQuery,
  type DealCustomerQuery,
  type SalesPipelinesQuery,
} from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { DealCreatePage } from './deal-create-page'

const stage = { id: 's1', name: 'Lead', position: 1, probability: 10, closesAsWon: false }

const pipelines: SalesPipelinesQuery = {
  pipelines: [
    { id: 'p1', name: 'Sales', isDefault: true, requiresLostReason: false, stages: [stage] },
  ],
}

const customer: DealCustomerQuery = { customer: { id: 'c1', name: 'Hubco GmbH' } }

const created: CreateOpportunityMutation = {
  createOpportunity: {
    opportunity: makeFragmentData(
      {
        id: 'o1',
        name: 'Hub deal',
        status: 'OPEN',
        version: 1,
        expectedCloseDate: null,
        amount: null,
        customer: { id: 'c1', name: 'Hubco GmbH' },
        owner: { id: 'u1', name: 'Rafael Rep', vendor: false },
        stage,
      },
      OpportunityCardFieldsFragmentDoc,
    ),
    userErrors: [],
  },
}

describe('DealCreatePage', () => {
  it('starts with the customer from the address fixed and opens the new deal', async () => {
    const noCampaigns: DealCampaignOptionsQuery = { campaigns: [] }
    const stub = createStubClient({
      SalesPipelines: () => pipelines,
      DealCustomer: () => customer,
      DealCampaignOptions: () => noCampaigns,
      CreateOpportunity: () => created,
    })
    renderWithProviders(<DealCreatePage />, {
      client: stub.client,
      route: '/deals/new?customer=c1',
      path: '/deals/new',
    })
    expect(await screen.findByLabelText('Customer')).toHaveValue('Hubco GmbH')
    expect(screen.queryByRole('searchbox', { name: 'Find customer' })).not.toBeInTheDocument()
    await userEvent.type(screen.getByLabelText(/^Deal name/), 'Hub deal')
    await userEvent.click(screen.getByRole('button', { name: 'Create deal' }))
    const [variables] = stub.variablesOf(
      'CreateOpportunity',
    ) as CreateOpportunityMutationVariables[]
    expect(variables?.input).toMatchObject({ customerId: 'c1', name: 'Hub deal', pipelineId: 'p1' })
    expect(stub.variablesOf('DealCustomerOptions')).toEqual([])
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/opportunities/o1'),
    )
  })
})
