import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { ContractDetailPage } from '../../../app/contract-pages'
import type { Permission } from '../../../lib/permissions'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer, type StubHandlers } from '../../../testing/urql'

const user = (id: string, name: string) => ({ __typename: 'User', id, name })
const acceptance = {
  __typename: 'Acceptance',
  acceptedAt: '2026-11-20T09:30:00Z',
  note: 'Looks good',
  acceptedBy: user('u9', 'Petra PM'),
}

const contract = {
  __typename: 'Contract',
  id: 'k1',
  number: 'CTR-2026-00001',
  title: 'ERP roll-out',
  status: 'IN_PROGRESS',
  signedOn: '2026-11-02',
  currency: 'EUR',
  terminationReason: null,
  startsOn: null,
  endsOn: null,
  plannedHours: '0',
  spentHours: '0',
  progress: 40,
  version: 3,
  createdAt: '2026-11-01T10:00:00Z',
  createdBy: user('u1', 'Rafael Rep'),
  total: { __typename: 'Money', amount: '12000.00', currency: 'EUR' },
  customer: { __typename: 'Customer', id: 'c1', name: 'Acme' },
  opportunity: { __typename: 'Opportunity', id: 'd1', name: 'Acme ERP' },
  quote: {
    __typename: 'Quote',
    id: 'q1',
    number: 2,
    opportunity: { __typename: 'Opportunity', id: 'd1' },
  },
  order: null,
  documents: [
    {
      __typename: 'ContractDocument',
      id: 'doc1',
      kind: 'TECHNICAL_SPECIFICATION',
      fileName: 'spec.pdf',
      contentType: 'application/pdf',
      sizeBytes: 2048,
      url: '/contract-documents/doc1',
      uploadedAt: '2026-11-01T11:00:00Z',
      uploadedBy: user('u1', 'Rafael Rep'),
    },
  ],
  stages: [
    {
      __typename: 'ContractStage',
      id: 's1',
      position: 1,
      name: 'Design',
      deadline: '2026-12-15',
      version: 1,
      acceptance: null,
      works: [
        {
          __typename: 'ContractWork',
          id: 'w1',
          position: 1,
          name: 'Specification',
          deadline: '2026-12-01',
          late: true,
          version: 2,
          owner: user('u9', 'Petra PM'),
          tasks: [],
          acceptance,
        },
        {
          __typename: 'ContractWork',
          id: 'w2',
          position: 2,
          name: 'Prototype',
          deadline: null,
          late: false,
          version: 1,
          owner: null,
          tasks: [],
          acceptance: null,
        },
      ],
    },
  ],
  tasks: [],
  dependencies: [],
}

const ACCOUNTANT: Permission[] = [
  { action: 'CREATE', subject: 'CONTRACT' },
  { action: 'UPDATE', subject: 'CONTRACT' },
  { action: 'DELETE', subject: 'CONTRACT' },
]
const PROJECT_MANAGER: Permission[] = [
  { action: 'UPDATE', subject: 'CONTRACT' },
  { action: 'CREATE', subject: 'PROJECT_PLAN' },
  { action: 'UPDATE', subject: 'PROJECT_PLAN' },
  { action: 'DELETE', subject: 'PROJECT_PLAN' },
]
const REP: Permission[] = [...ACCOUNTANT, ...PROJECT_MANAGER]

async function open(
  permissions: Permission[],
  shown: Record<string, unknown> = {},
  stubs: StubHandlers = {},
) {
  const stub = createStubClient({
    Contract: () => ({ contract: { ...contract, ...shown } }) as StubAnswer<'Contract'>,
    ContractPeople: () => ({ users: [user('u9', 'Petra PM')] }),
    ...stubs,
  })
  renderWithProviders(<ContractDetailPage />, {
    client: stub.client,
    route: '/contracts/k1',
    path: '/contracts/:id',
    permissions,
  })
  await screen.findByRole('heading', { level: 1, name: /CTR-2026-00001/ })
  // the plan (lazily loaded) has answered
  await screen.findByRole('heading', { name: 'Plan' }, { timeout: 10_000 })
  return stub
}

describe('ContractPage', () => {
  // the page loads the chart library lazily: transform it once, not within a test's time limit
  beforeAll(async () => {
    await import('./contract-gantt')
  }, 60_000)

  it('shows the facts, the links and the acceptance of a work', async () => {
    await open(REP)
    expect(screen.getByRole('link', { name: 'Acme ERP' })).toHaveAttribute(
      'href',
      '/opportunities/d1',
    )
    expect(screen.getByRole('link', { name: '#2' })).toHaveAttribute('href', '/opportunities/d1')
    expect(screen.getByText('In progress', { selector: '.badge' })).toBeInTheDocument()
    expect(screen.getByText(/Accepted by Petra PM/)).toBeInTheDocument()
    expect(screen.getByText(/Note: Looks good/)).toBeInTheDocument()
    expect(screen.getByText('Late')).toBeInTheDocument()
    expect(screen.getByRole('row', { name: /spec\.pdf/ })).toHaveTextContent(
      'Technical specification',
    )
  })

  it('gives an accountant the contract but not the plan', async () => {
    await open(ACCOUNTANT)
    expect(screen.getByRole('button', { name: 'Edit contract' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Terminate' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Upload' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Add stage' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Accept stage' })).toBeNull()
    expect(screen.queryByRole('button', { name: /Accept Prototype/ })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Add task' })).toBeNull()
    expect(screen.getByText(/changing it is up to the project managers/)).toBeInTheDocument()
  })

  it('gives a project manager the plan, with "Accept stage" disabled while a work is open', async () => {
    await open(PROJECT_MANAGER)
    expect(screen.getByRole('button', { name: 'Add stage' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Add task' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Accept Prototype' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeEnabled()
    const accept = screen.getByRole('button', { name: 'Accept stage' })
    expect(accept).toBeDisabled()
    expect(accept).toHaveAccessibleDescription('1 work is not accepted yet.')
    // and the contract's own fields, but no documents to delete (not a contract writer)
    expect(screen.getByRole('button', { name: 'Edit contract' })).toBeInTheDocument()
  })

  it('gives a rep both the contract and the plan; "Complete" waits for the stages', async () => {
    await open(REP)
    expect(screen.getByRole('button', { name: 'Add stage' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Delete spec.pdf' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Complete' })).toBeDisabled()
    const details = screen.getByRole('region', { name: 'Details' })
    expect(within(details).getByRole('link', { name: 'Acme' })).toHaveAttribute(
      'href',
      '/customers/c1',
    )
  })

  it('shows nobody the status actions without the right to change contracts', async () => {
    await open([])
    expect(screen.queryByRole('button', { name: 'Edit contract' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Upload' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Download spec.pdf' })).toBeInTheDocument()
  })

  describe('deleting a draft', () => {
    const draft = { status: 'DRAFT', signedOn: null }

    it('asks first, deletes with the version shown and goes back to the list', async () => {
      const person = userEvent.setup()
      const stub = await open(ACCOUNTANT, draft, {
        DeleteContract: () => ({ deleteContract: { deletedId: 'k1', userErrors: [] } }),
      })
      await person.click(screen.getByRole('button', { name: 'Delete contract' }))
      const dialog = screen.getByRole('alertdialog', { name: 'Delete contract CTR-2026-00001?' })
      expect(dialog).toHaveAccessibleDescription(/cannot be undone/)
      // the safe answer has the focus, and cancelling deletes nothing
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
      await person.click(within(dialog).getByRole('button', { name: 'Cancel' }))
      expect(screen.queryByRole('alertdialog')).toBeNull()
      expect(stub.variablesOf('DeleteContract')).toEqual([])

      await person.click(screen.getByRole('button', { name: 'Delete contract' }))
      await person.click(screen.getByRole('button', { name: 'Delete' }))
      expect(await screen.findByTestId('location')).toHaveTextContent(/^\/contracts$/)
      expect(screen.getByText('elsewhere')).toBeInTheDocument()
      expect(stub.variablesOf('DeleteContract')).toEqual([
        { input: { id: 'k1', expectedVersion: 3 } },
      ])
    })

    it('explains a refusal and stays on the contract', async () => {
      const person = userEvent.setup()
      await open(ACCOUNTANT, draft, {
        DeleteContract: () => ({
          deleteContract: {
            deletedId: null,
            userErrors: [
              { field: ['input', 'id'], code: 'CONFLICT', message: 'Something depends on it.' },
            ],
          },
        }),
      })
      await person.click(screen.getByRole('button', { name: 'Delete contract' }))
      await person.click(screen.getByRole('button', { name: 'Delete' }))
      expect(await screen.findByText(/A payment plan or an invoice rests on/)).toBeInTheDocument()
      expect(screen.queryByRole('alertdialog')).toBeNull()
      expect(screen.getByTestId('location')).toHaveTextContent('/contracts/k1')
    })

    it('is not offered without the right to delete contracts', async () => {
      await open(PROJECT_MANAGER, draft)
      expect(screen.getByRole('button', { name: 'Edit contract' })).toBeInTheDocument()
      expect(screen.queryByRole('button', { name: 'Delete contract' })).toBeNull()
    })

    it('is not offered once the contract is signed', async () => {
      await open(ACCOUNTANT, { status: 'SIGNED' })
      expect(screen.getByRole('button', { name: 'Edit contract' })).toBeInTheDocument()
      expect(screen.queryByRole('button', { name: 'Delete contract' })).toBeNull()
    })
  })

  it('moves a work up within its stage and shows the new order', async () => {
    const person = userEvent.setup()
    const [stage] = contract.stages
    const [specification, prototype] = stage?.works ?? []
    let works = [specification, prototype]
    const stub = createStubClient(
      {
        Contract: () =>
          ({
            contract: { ...contract, stages: [{ ...stage, works }] },
          }) as StubAnswer<'Contract'>,
        ContractPeople: () => ({ users: [user('u9', 'Petra PM')] }),
        UpdateContractWork: () => {
          works = [
            prototype && { ...prototype, position: 1, version: 2 },
            specification && { ...specification, position: 2 },
          ]
          return {
            updateContractWork: {
              work: { __typename: 'ContractWork', id: 'w2', version: 2 },
              userErrors: [],
            },
          }
        },
      },
      { documentCache: true },
    )
    renderWithProviders(<ContractDetailPage />, {
      client: stub.client,
      route: '/contracts/k1',
      path: '/contracts/:id',
      permissions: PROJECT_MANAGER,
    })
    const works$ = async () =>
      within(await screen.findByRole('table', { name: 'Works: Stage 1: Design' }))
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getByRole('rowheader').textContent)
    expect(await works$()).toEqual([
      expect.stringMatching(/^Specification/),
      expect.stringMatching(/^Prototype/),
    ])
    // the first cannot go higher, the last no lower
    expect(screen.getByRole('button', { name: 'Move Specification up' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Move Prototype down' })).toBeDisabled()

    await person.click(screen.getByRole('button', { name: 'Move Prototype up' }))
    await waitFor(async () =>
      expect(await works$()).toEqual([
        expect.stringMatching(/^Prototype/),
        expect.stringMatching(/^Specification/),
      ]),
    )
    expect(stub.variablesOf('UpdateContractWork')).toEqual([
      { input: { id: 'w2', expectedVersion: 1, position: 1 } },
    ])
    expect(screen.getByRole('button', { name: 'Move Prototype up' })).toBeDisabled()
  })
})
