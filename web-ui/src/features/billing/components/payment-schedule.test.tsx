import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { makeFragmentData } from '../../../gql'
import {
  PaymentPlanFieldsFragmentDoc,
  type CreatePaymentPlanInput,
  type PaymentPlanFieldsFragment,
} from '../../../gql/graphql'
import type { Permission } from '../../../lib/permissions'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { PaymentSchedule } from './payment-schedule'

const eur = (amount: string) => ({ amount, currency: 'EUR' })

const plan: PaymentPlanFieldsFragment = {
  id: 'p1',
  planVersion: 2,
  status: 'ACTIVE',
  currency: 'EUR',
  version: 3,
  createdAt: '2026-11-01T10:00:00Z',
  createdBy: { id: 'u1', name: 'Ann Accountant' },
  total: eur('1000.00'),
  paid: eur('300.00'),
  open: eur('700.00'),
  previousVersion: { id: 'p0', planVersion: 1 },
  nextVersion: null,
  plannedPayments: [
    {
      id: 'pp1',
      position: 1,
      label: 'Deposit',
      dueOn: '2026-10-01',
      status: 'PAID',
      daysOverdue: 0,
      writeOffReason: null,
      amount: eur('300.00'),
      paid: eur('300.00'),
      open: eur('0.00'),
      invoice: { id: 'i1', number: 'INV-2026-00001' },
      trigger: null,
    },
    {
      id: 'pp2',
      position: 2,
      label: 'Second part',
      dueOn: '2026-11-10',
      status: 'OVERDUE',
      daysOverdue: 12,
      writeOffReason: null,
      amount: eur('400.00'),
      paid: eur('0.00'),
      open: eur('400.00'),
      invoice: null,
      trigger: null,
    },
    {
      id: 'pp3',
      position: 3,
      label: 'Rest',
      dueOn: null,
      status: 'PLANNED',
      daysOverdue: 0,
      writeOffReason: null,
      amount: eur('300.00'),
      paid: eur('0.00'),
      open: eur('300.00'),
      invoice: null,
      trigger: {
        event: 'STAGE_ACCEPTED',
        offsetDays: 30,
        occurredOn: null,
        stage: { id: 's2', position: 2, name: 'Go-live' },
      },
    },
  ],
}

function setUp({
  withPlan = true,
  permissions,
  create,
}: {
  withPlan?: boolean
  permissions?: readonly Permission[]
  create?: StubAnswer<'CreatePaymentPlan'>['createPaymentPlan']
}) {
  const stub = createStubClient({
    OrderSchedule: () => ({
      order: {
        id: 'o1',
        number: 'ORD-2026-00001',
        currency: 'EUR',
        total: eur('1000.00'),
        customer: { id: 'cu1', name: 'Acme' },
        paymentPlan: withPlan
          ? { id: 'p1', ...makeFragmentData(plan, PaymentPlanFieldsFragmentDoc) }
          : null,
      },
    }),
    CreatePaymentPlan: () => ({
      createPaymentPlan: create ?? { paymentPlan: null, userErrors: [] },
    }),
  })
  renderWithProviders(<PaymentSchedule orderId="o1" />, { client: stub.client, permissions })
  return stub
}

const ACCOUNTANT: Permission[] = (['CREATE', 'UPDATE', 'DELETE'] as const).flatMap((action) =>
  (['INVOICE', 'CONTRACT', 'PAYMENT_PLAN', 'PAYMENT'] as const).map((subject) => ({
    action,
    subject,
  })),
)
// reps change the sales data, payment plans included, but record no payments
const REP: Permission[] = (['CREATE', 'UPDATE', 'DELETE'] as const).flatMap((action) =>
  (['ORDER', 'INVOICE', 'PAYMENT_PLAN'] as const).map((subject) => ({ action, subject })),
)
// project managers plan projects and read the rest
const PM: Permission[] = [
  { action: 'CREATE', subject: 'PROJECT_PLAN' },
  { action: 'UPDATE', subject: 'PROJECT_PLAN' },
  { action: 'UPDATE', subject: 'CONTRACT' },
]

describe('PaymentSchedule', () => {
  it('lists the planned payments with status names, overdue days, triggers and invoices', async () => {
    setUp({ permissions: [] })
    const table = await screen.findByRole('table', { name: 'Planned payments, version 2' })
    const rows = within(table).getAllByRole('row')
    expect(rows[1]).toHaveTextContent('Deposit')
    expect(within(rows[1]!).getByText('Paid')).toHaveClass('badge-tone-success')
    expect(within(rows[1]!).getByRole('link', { name: 'INV-2026-00001' })).toHaveAttribute(
      'href',
      '/invoices/i1',
    )
    expect(within(rows[2]!).getByText('Overdue')).toHaveClass('badge-tone-danger')
    // the days overdue under the status: no column of its own, so the schedule fits at 1280 px
    expect(within(rows[2]!).getByText('12 days overdue')).toBeInTheDocument()
    expect(rows[3]).toHaveTextContent('30 days after acceptance of stage 2')
    expect(screen.getByRole('button', { name: 'Show version 1' })).toBeInTheDocument()
  })

  it('gives an accountant every action', async () => {
    setUp({ permissions: ACCOUNTANT })
    await screen.findByRole('table')
    expect(screen.getByRole('button', { name: 'Renegotiate' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Record payment' })).toBeInTheDocument()
    // a row's button says "Record payment" and names its row to a screen reader
    const overdue = screen.getByRole('button', { name: 'Record payment for Second part' })
    expect(overdue).toHaveTextContent(/^Record payment$/)
    // only the overdue one has a date and no invoice yet
    expect(screen.getAllByRole('button', { name: 'Issue invoice' })).toHaveLength(1)
    expect(screen.getAllByRole('button', { name: 'Write off' })).toHaveLength(2)
  })

  it('gives a rep the plan but no payments', async () => {
    setUp({ permissions: REP })
    await screen.findByRole('table')
    expect(screen.getByRole('button', { name: 'Renegotiate' })).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Issue invoice' })).toHaveLength(1)
    expect(screen.queryByRole('button', { name: /Record payment/ })).toBeNull()
  })

  it('gives a project manager nothing to change', async () => {
    setUp({ permissions: PM })
    await screen.findByRole('table')
    expect(screen.queryAllByRole('button', { name: /Renegotiate|Record|Issue|Write off/ })).toEqual(
      [],
    )
  })

  it('offers "Create payment plan" when there is none, to those who may', async () => {
    setUp({ withPlan: false, permissions: REP })
    expect(await screen.findByText('No payment plan yet.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Create payment plan' })).toBeInTheDocument()
  })

  it('fills the terms from a preset and shows the server’s errors on their rows', async () => {
    const stub = setUp({
      withPlan: false,
      create: {
        paymentPlan: null,
        userErrors: [
          {
            field: ['input', 'terms', '0', 'percent'],
            code: 'INVALID_VALUE',
            message: 'The parts add up to 101%',
          },
          { field: ['input'], code: 'CONFLICT', message: 'The order has a plan already' },
        ],
      },
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Create payment plan' }))
    await userEvent.clear(screen.getByLabelText('Monthly instalments'))
    await userEvent.type(screen.getByLabelText('Monthly instalments'), '6')
    await userEvent.click(screen.getByRole('button', { name: 'Deposit + milestones' }))
    expect(screen.getByLabelText('Percent, term 1')).toHaveValue('30')
    expect(screen.getByLabelText('Kind of term 2')).toHaveValue('REST')
    await userEvent.clear(screen.getByLabelText('Percent, term 1'))
    await userEvent.type(screen.getByLabelText('Percent, term 1'), '101')
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Create payment plan' }),
    )
    await waitFor(() =>
      expect(screen.getByLabelText('Percent, term 1')).toHaveAttribute('aria-invalid', 'true'),
    )
    expect(screen.getByText(/The parts add up to 101%/)).toBeInTheDocument()
    expect(screen.getByText(/The order has a plan already/)).toBeInTheDocument()
    const [variables] = stub.variablesOf('CreatePaymentPlan') as [{ input: CreatePaymentPlanInput }]
    expect(variables.input.orderId).toBe('o1')
    expect(variables.input.terms).toEqual([
      { kind: 'PART', percent: '101', dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      { kind: 'REST', trigger: { event: 'SHIPMENT_SENT', stageId: null, offsetDays: 0 } },
    ])
  })
})
