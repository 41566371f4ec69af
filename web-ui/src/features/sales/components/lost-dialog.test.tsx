import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import type { Deal } from '../utils/board'
import { LostDialog } from './lost-dialog'

const deal: Deal = {
  id: 'T3Bwb3J0dW5pdHk6MQ==',
  name: 'Acme ERP',
  status: 'OPEN',
  version: 4,
  expectedCloseDate: null,
  amount: null,
  customer: { id: 'c1', name: 'Acme' },
  owner: { id: 'u1', name: 'Rita', vendor: false },
  stage: {
    id: 's1',
    name: 'Meeting',
    position: 4,
    probability: 30,
    closesAsWon: false,
  },
}

describe('LostDialog', () => {
  it('shows the server’s REQUIRED at the reason field and sends the deal’s version', async () => {
    const stub = createStubClient({
      LostReasons: () => ({
        lostReasons: [{ __typename: 'LostReason', id: 'r1', name: 'Price' }],
      }),
      MarkOpportunityLost: () => ({
        markOpportunityLost: {
          __typename: 'OpportunityPayload',
          opportunity: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: ['input', 'lostReasonId'],
              code: 'REQUIRED',
              message: 'a lost reason is required',
            },
          ],
        },
      }),
    })
    const onDone = vi.fn()
    renderWithProviders(
      <LostDialog deal={deal} reasonRequired onClose={() => undefined} onDone={onDone} />,
      { client: stub.client },
    )
    const user = userEvent.setup()
    expect(screen.getByRole('dialog', { name: 'Mark “Acme ERP” as lost' })).toBeVisible()
    await user.type(screen.getByLabelText('Note'), 'went quiet')
    await user.click(screen.getByRole('button', { name: 'Mark as lost' }))

    const reason = await screen.findByLabelText(/^Reason/)
    expect(reason).toHaveAttribute('aria-invalid', 'true')
    expect(reason).toHaveAccessibleDescription(/This is required\./)
    expect(stub.variablesOf('MarkOpportunityLost')).toEqual([
      {
        input: {
          id: deal.id,
          expectedVersion: 4,
          lostReasonId: null,
          note: 'went quiet',
        },
      },
    ])
    expect(onDone).not.toHaveBeenCalled()
  })
})
