import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { CampaignForm } from './campaign-form'

const campaign = {
  __typename: 'Campaign' as const,
  id: 'Q2FtcGFpZ246MQ',
  name: 'Autumn webinar',
  kind: 'WEBINAR' as const,
  startsOn: '2026-11-01',
  endsOn: '2026-11-30',
  cost: { __typename: 'Money' as const, amount: '1500.00', currency: 'EUR' },
  notes: 'Two sessions',
  version: 4,
}

function setUp(userErrors: StubAnswer<'UpdateCampaign'>['updateCampaign']['userErrors']) {
  const stub = createStubClient({
    UpdateCampaign: () => ({
      updateCampaign: { __typename: 'CampaignPayload', campaign: null, userErrors },
    }),
  })
  const props = { onCancel: vi.fn(), onSaved: vi.fn(), onReload: vi.fn() }
  renderWithProviders(<CampaignForm campaign={campaign} {...props} />, { client: stub.client })
  return { stub, props, user: userEvent.setup() }
}

describe('CampaignForm (editing)', () => {
  it('sends only the changed fields with the version read, and shows userErrors at their fields', async () => {
    const { stub, props, user } = setUp([
      {
        __typename: 'UserError',
        field: ['input', 'name'],
        code: 'TOO_LONG',
        message: 'at most 200 characters',
      },
      {
        __typename: 'UserError',
        field: ['input', 'endsOn'],
        code: 'INVALID_VALUE',
        message: 'ends before it starts',
      },
      { __typename: 'UserError', field: null, code: 'NOT_ALLOWED', message: '' },
    ])

    expect(screen.getByRole('heading', { name: 'Edit campaign “Autumn webinar”' })).toBeVisible()
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Autumn webinar')
    await user.clear(screen.getByLabelText(/^Name/))
    await user.type(screen.getByLabelText(/^Name/), 'Winter webinar')
    await user.clear(screen.getByLabelText('Cost', { exact: true }))
    await user.clear(screen.getByLabelText('Ends on'))
    await user.type(screen.getByLabelText('Ends on'), '2026-10-01')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    const name = await screen.findByLabelText(/^Name/)
    await vi.waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'))
    expect(name).toHaveAccessibleDescription(/This is too long/)
    expect(screen.getByLabelText('Ends on')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Ends on')).toHaveAccessibleDescription(
      /This value is not acceptable here\..*ends before it starts/,
    )
    expect(screen.getByLabelText('Kind')).toHaveAttribute('aria-invalid', 'false')
    const summary = screen.getByRole('alert')
    expect(within(summary).getByText('The changes were not saved:')).toBeVisible()
    expect(within(summary).getByText(/Your role does not allow this change\./)).toBeVisible()
    expect(within(summary).queryByText(/too long/)).toBeNull()

    expect(stub.variablesOf('UpdateCampaign')).toEqual([
      {
        input: {
          id: 'Q2FtcGFpZ246MQ',
          expectedVersion: 4,
          name: 'Winter webinar',
          endsOn: '2026-10-01',
          cost: null,
        },
      },
    ])
    expect(props.onSaved).not.toHaveBeenCalled()
  })

  it('says clearly when someone else changed the campaign, and offers to reload', async () => {
    const { props, user } = setUp([
      { __typename: 'UserError', field: null, code: 'STALE_VERSION', message: 'version 4 != 5' },
    ])
    await user.type(screen.getByLabelText('Notes'), ' and a replay')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText(/Someone else changed this campaign/)).toBeVisible()
    await user.click(within(alert).getByRole('button', { name: 'Reload the campaign' }))
    expect(props.onReload).toHaveBeenCalledOnce()
    expect(props.onSaved).not.toHaveBeenCalled()
  })
})
