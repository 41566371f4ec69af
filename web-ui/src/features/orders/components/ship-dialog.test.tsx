import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { ShipDialog } from './ship-dialog'

const lines = [
  { id: 'l1', position: 1, description: 'CRM Pro', quantity: 5, shippedQuantity: 2 },
  { id: 'l2', position: 2, description: 'Training', quantity: 1, shippedQuantity: 0 },
]

function setUp(userErrors: StubAnswer<'CreateShipment'>['createShipment']['userErrors'] = []) {
  const stub = createStubClient({
    CreateShipment: () => ({
      createShipment: {
        __typename: 'ShipmentPayload',
        shipment:
          userErrors.length === 0
            ? { __typename: 'Shipment', id: 's1', number: 'SHP-2026-00001' }
            : null,
        userErrors,
      },
    }),
  })
  const onShipped = vi.fn()
  renderWithProviders(
    <ShipDialog
      orderId="o1"
      orderNumber="ORD-2026-00001"
      lines={lines}
      onCancel={() => undefined}
      onShipped={onShipped}
    />,
    { client: stub.client },
  )
  return { stub, onShipped }
}

describe('ShipDialog', () => {
  it('starts with what is left to ship and ships part of it', async () => {
    const { stub, onShipped } = setUp()
    const crm = screen.getByLabelText('Quantity to ship of CRM Pro')
    expect(crm).toHaveValue(3)
    expect(screen.getByLabelText('Quantity to ship of Training')).toHaveValue(1)
    await userEvent.clear(crm)
    await userEvent.type(crm, '2')
    await userEvent.clear(screen.getByLabelText('Quantity to ship of Training'))
    await userEvent.type(screen.getByLabelText('Quantity to ship of Training'), '0')
    await userEvent.click(screen.getByRole('button', { name: 'Create shipment' }))
    const [variables] = stub.variablesOf('CreateShipment') as [{ input: { lines: unknown } }]
    expect(variables.input.lines).toEqual([{ orderLineId: 'l1', quantity: 2 }])
    expect(onShipped).toHaveBeenCalledWith(expect.objectContaining({ id: 's1' }))
  })

  it('refuses to ship more than is left, at the line', async () => {
    const { stub } = setUp()
    const crm = screen.getByLabelText('Quantity to ship of CRM Pro')
    await userEvent.clear(crm)
    await userEvent.type(crm, '4')
    await userEvent.click(screen.getByRole('button', { name: 'Create shipment' }))
    expect(stub.variablesOf('CreateShipment')).toEqual([])
    expect(crm).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText(/Only 3 left to ship/)).toBeInTheDocument()
  })

  it('shows the server’s error at the line it was sent for', async () => {
    setUp([
      {
        __typename: 'UserError',
        field: ['input', 'lines', '0', 'quantity'],
        code: 'INVALID_VALUE',
        message: 'more than ordered',
      },
    ])
    await userEvent.clear(screen.getByLabelText('Quantity to ship of CRM Pro'))
    await userEvent.type(screen.getByLabelText('Quantity to ship of CRM Pro'), '0')
    await userEvent.click(screen.getByRole('button', { name: 'Create shipment' }))
    expect(screen.getByLabelText('Quantity to ship of Training')).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    expect(screen.getByText(/more than ordered/)).toBeInTheDocument()
  })
})
