import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { ContractsPage } from './contracts-page'

const row = {
  __typename: 'Contract',
  id: 'k1',
  number: 'CTR-2026-00001',
  title: 'ERP roll-out',
  status: 'SIGNED',
  signedOn: '2026-11-02',
  progress: 25,
  customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
  total: { __typename: 'Money', amount: '12000.00', currency: 'EUR' },
}

function setUp(
  answer: (variables: { status?: unknown; search?: unknown }) => boolean,
  route = '/contracts',
) {
  const stub = createStubClient({
    ContractList: (variables) => ({
      contracts: {
        __typename: 'ContractConnection',
        pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c25' },
        edges: answer(variables) ? [{ __typename: 'ContractEdge', cursor: 'c1', node: row }] : [],
      },
    }),
  })
  renderWithProviders(<ContractsPage canCreate />, {
    client: stub.client,
    route,
    path: '/contracts',
  })
  return stub
}

describe('ContractsPage', () => {
  it('lists number, title, customer, status, signed date, total and progress, with "Load more"', async () => {
    setUp(() => true)
    const link = await screen.findByRole('link', { name: 'CTR-2026-00001' })
    expect(link).toHaveAttribute('href', '/contracts/k1')
    const cells = screen.getByRole('row', { name: /CTR-2026-00001/ })
    expect(cells).toHaveTextContent('ERP roll-out')
    expect(cells).toHaveTextContent('Acme')
    expect(cells).toHaveTextContent('Signed')
    expect(cells).toHaveTextContent('€12,000.00')
    expect(cells).toHaveTextContent('25 %')
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'New contract' })).toHaveAttribute(
      'href',
      '/contracts/new',
    )
  })

  it('filters by status and says why the list is empty', async () => {
    const stub = setUp((variables) => !variables.status, '/contracts?status=TERMINATED')
    expect(await screen.findByText('No contracts with this status.')).toBeInTheDocument()
    expect(stub.variablesOf('ContractList').at(-1)).toMatchObject({ status: ['TERMINATED'] })
  })

  it('searches by number or title', async () => {
    const stub = setUp((variables) => !variables.search)
    await screen.findByRole('link', { name: 'CTR-2026-00001' })
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'zzz')
    expect(await screen.findByText('No contract matches this search.')).toBeInTheDocument()
    expect(stub.variablesOf('ContractList').at(-1)).toMatchObject({ search: 'zzz' })
  })
})
