import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { makeFragmentData } from '../../../gql'
import { AllocationPlanFieldsFragmentDoc, type RecordPaymentInput } from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { RecordPaymentDialog, type Focus } from './record-payment-dialog'

const eur = (amount: string) => ({ amount, currency: 'EUR' })

const targets: StubAnswer<'AllocationTargets'> = {
  invoices: {
    edges: [
      {
        node: {
          id: 'i1',
          number: 'INV-2026-00001',
          currency: 'EUR',
          dueOn: '2026-11-01',
          paymentStatus: 'UNPAID',
          open: eur('500.00'),
        },
      },
      {
        node: {
          id: 'i2',
          number: 'INV-2026-00002',
          currency: 'EUR',
          dueOn: '2026-10-01',
          paymentStatus: 'PAID',
          open: eur('0.00'),
        },
      },
    ],
  },
  orders: {
    edges: [
      {
        node: {
          id: 'o1',
          paymentPlan: {
            id: 'p1',
            ...makeFragmentData(
              {
                id: 'p1',
                plannedPayments: [
                  {
                    id: 'pp1',
                    label: 'Deposit',
                    dueOn: '2026-12-20',
                    status: 'DUE',
                    open: eur('300.10'),
                    invoice: null,
                  },
                  {
                    id: 'pp2',
                    label: 'Invoiced part',
                    dueOn: '2026-10-20',
                    status: 'OVERDUE',
                    open: eur('50.00'),
                    invoice: { id: 'i1' },
                  },
                ],
              },
              AllocationPlanFieldsFragmentDoc,
            ),
          },
        },
      },
    ],
  },
  contracts: { edges: [{ node: { id: 'c1', paymentPlan: null } }] },
}

type Answer = StubAnswer<'RecordPayment'>['recordPayment']

function setUp(answers: Answer[], focus?: Focus) {
  const queue = [...answers]
  const stub = createStubClient({
    AllocationTargets: () => targets,
    RecordPayment: () => ({ recordPayment: queue.shift() ?? answers[answers.length - 1]! }),
  })
  const onRecorded = vi.fn()
  const view = renderWithProviders(
    <RecordPaymentDialog
      customer={{ id: 'cu1', name: 'Acme' }}
      currency="EUR"
      focus={focus}
      onCancel={() => undefined}
      onRecorded={onRecorded}
    />,
    { client: stub.client },
  )
  const inputs = () =>
    stub.variablesOf('RecordPayment').map((v) => (v as { input: RecordPaymentInput }).input)
  return { stub, onRecorded, inputs, view }
}

const recorded = (replayed = false): Answer => ({
  payment: { id: 'pay1', number: 'PAY-2026-00001' },
  replayed,
  userErrors: [],
})

describe('RecordPaymentDialog', () => {
  it('sends the same idempotency key on every submit of one dialog', async () => {
    const refused: Answer = {
      payment: null,
      replayed: false,
      userErrors: [{ field: ['input', 'reference'], code: 'TOO_LONG', message: 'Too long' }],
    }
    const { inputs, onRecorded } = setUp([refused, recorded()])
    await userEvent.type(screen.getByLabelText(/^Amount/), '100')
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }))
    await waitFor(() =>
      expect(screen.getByLabelText('Reference')).toHaveAttribute('aria-invalid', 'true'),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }))
    await waitFor(() => expect(onRecorded).toHaveBeenCalledWith(expect.anything(), false))
    const [first, second] = inputs()
    expect(first?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/)
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey)
    // automatic allocation: no allocations sent
    expect(first?.allocations).toBeNull()
  })

  it('makes a new key for a new dialog', async () => {
    const one = setUp([recorded()])
    await userEvent.type(screen.getByLabelText(/^Amount/), '10')
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }))
    await waitFor(() => expect(one.inputs()).toHaveLength(1))
    one.view.unmount()
    const two = setUp([recorded()])
    await userEvent.type(screen.getByLabelText(/^Amount/), '10')
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }))
    await waitFor(() => expect(two.inputs()).toHaveLength(1))
    expect(two.inputs()[0]?.idempotencyKey).not.toBe(one.inputs()[0]?.idempotencyKey)
  })

  it('says when the answer repeats an earlier recording', async () => {
    const { onRecorded } = setUp([recorded(true)])
    await userEvent.type(screen.getByLabelText(/^Amount/), '10')
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }))
    await waitFor(() =>
      expect(onRecorded).toHaveBeenCalledWith({ id: 'pay1', number: 'PAY-2026-00001' }, true),
    )
  })

  it('allocates by hand over the open invoices and planned payments, the rest as credit', async () => {
    const { inputs } = setUp([recorded()])
    await userEvent.type(screen.getByLabelText(/^Amount/), '1000')
    await userEvent.click(screen.getByLabelText('By hand'))
    // the paid invoice and the invoiced planned payment are not offered
    const invoice = await screen.findByLabelText('Allocate to INV-2026-00001 (EUR)')
    expect(screen.queryByLabelText(/INV-2026-00002/)).toBeNull()
    expect(screen.queryByLabelText(/Invoiced part/)).toBeNull()
    await userEvent.type(invoice, '500')
    await userEvent.type(screen.getByLabelText('Allocate to Deposit (EUR)'), '300.10')
    expect(screen.getByText('Allocated €800.10; €199.90 stays as credit.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }))
    await waitFor(() => expect(inputs()).toHaveLength(1))
    expect(inputs()[0]?.allocations).toEqual([
      { invoiceId: 'i1', plannedPaymentId: null, amount: '500' },
      { invoiceId: null, plannedPaymentId: 'pp1', amount: '300.10' },
    ])
  })

  it('refuses to send allocations that add up to more than the payment', async () => {
    const { inputs } = setUp([recorded()])
    await userEvent.type(screen.getByLabelText(/^Amount/), '100')
    await userEvent.click(screen.getByLabelText('By hand'))
    await userEvent.type(await screen.findByLabelText('Allocate to INV-2026-00001 (EUR)'), '100.01')
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }))
    expect(
      (await screen.findAllByText('The allocations add up to more than the payment.')).length,
    ).toBeGreaterThan(0)
    expect(inputs()).toHaveLength(0)
  })

  it('opened from an invoice, pays what is open of it', async () => {
    const { inputs } = setUp([recorded()], { invoiceId: 'i1' })
    await waitFor(() => expect(screen.getByLabelText(/^Amount/)).toHaveValue('500.00'))
    expect(screen.getByLabelText('Allocate to INV-2026-00001 (EUR)')).toHaveValue('500.00')
    expect(screen.getByText('Allocated €500.00; €0.00 stays as credit.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }))
    await waitFor(() => expect(inputs()).toHaveLength(1))
    expect(inputs()[0]).toMatchObject({
      customerId: 'cu1',
      amount: '500.00',
      currency: 'EUR',
      method: 'BANK_TRANSFER',
      allocations: [{ invoiceId: 'i1', plannedPaymentId: null, amount: '500.00' }],
    })
  })
})
