import { fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { UserErrorCode } from '../../../gql/graphql'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { LogActivityForm } from './log-activity-form'

const CUSTOMER_ID = 'Q3VzdG9tZXI6MQ'
const contacts = [
  { id: 'Q29udGFjdDox', fullName: 'Ada Lovelace' },
  { id: 'Q29udGFjdDoy', fullName: 'Charles Babbage' },
]
const users = [
  { __typename: 'User', id: 'VXNlcjptYW5hZ2Vy', name: 'Mia Manager' },
  { __typename: 'User', id: 'VXNlcjpyZXA', name: 'Rita Rep' },
]

function setUp(logActivity: StubAnswer<'LogActivity'>['logActivity'], { canAssign = false } = {}) {
  const stub = createStubClient({
    LogActivity: () => ({ logActivity }),
    ReminderAssignees: () => ({ users }),
  })
  const onLogged = vi.fn()
  renderWithProviders(
    <LogActivityForm
      customerId={CUSTOMER_ID}
      contacts={contacts}
      canAssign={canAssign}
      meId="VXNlcjptYW5hZ2Vy"
      onLogged={onLogged}
      onCancel={() => undefined}
    />,
    { client: stub.client },
  )
  return { ...stub, onLogged }
}

const error = (field: string[] | null, code: UserErrorCode, message: string) => ({
  __typename: 'UserError',
  field,
  code,
  message,
})

describe('LogActivityForm', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends the activity with its follow-up and shows the server userErrors at their fields', async () => {
    const stub = setUp({
      __typename: 'ActivityPayload',
      activity: null,
      userErrors: [
        error(['input', 'subject'], 'TOO_LONG', 'subject: at most 200 characters'),
        error(['input', 'reminder', 'dueAt'], 'INVALID_VALUE', 'Is more than 5 years ahead'),
        error(['input', 'contactId'], 'NOT_FOUND', 'No such contact at this customer.'),
        error(null, 'NOT_ALLOWED', 'Your role may read activities but not record them.'),
      ],
    })
    const user = userEvent.setup()

    await user.selectOptions(screen.getByLabelText('Type'), 'MEETING')
    // the app language's way, not the browser's
    fireEvent.change(screen.getByLabelText('When'), { target: { value: '11/20/2026' } })
    fireEvent.change(screen.getByLabelText('Time (When)'), { target: { value: '2:30 pm' } })
    await user.type(screen.getByLabelText(/^Subject/), 'Kick-off')
    await user.selectOptions(screen.getByLabelText('Contact'), 'Charles Babbage')
    await user.type(screen.getByLabelText('Notes'), 'Went through the offer')
    await user.type(screen.getByLabelText('Outcome'), 'Wants a demo')
    await user.click(screen.getByRole('button', { name: '+ Add a follow-up reminder' }))
    fireEvent.change(screen.getByLabelText(/^Due/), { target: { value: '12/1/2026' } })
    fireEvent.change(screen.getByLabelText('Time (Due)'), { target: { value: '9:30' } })
    // reps remind themselves: no choice of assignee
    expect(screen.queryByLabelText('Remind')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Save activity' }))

    expect(stub.variablesOf('LogActivity')).toEqual([
      {
        input: {
          customerId: CUSTOMER_ID,
          kind: 'MEETING',
          subject: 'Kick-off',
          contactId: 'Q29udGFjdDoy',
          occurredAt: new Date(2026, 10, 20, 14, 30).toISOString(),
          notes: 'Went through the offer',
          outcome: 'Wants a demo',
          reminder: { dueAt: new Date(2026, 11, 1, 9, 30).toISOString() },
        },
      },
    ])

    const subject = await screen.findByLabelText(/^Subject/)
    expect(subject).toHaveAttribute('aria-invalid', 'true')
    expect(subject).toHaveAccessibleDescription(/This is too long or has too many items\./)
    const due = screen.getByLabelText(/^Due/)
    expect(due).toHaveAttribute('aria-invalid', 'true')
    expect(due).toHaveAccessibleDescription(/This value is not acceptable here\. .*5 years ahead/)
    expect(screen.getByLabelText('Contact')).toHaveAccessibleDescription(
      /This does not exist or is outside your scope\./,
    )
    expect(screen.getByLabelText('Notes')).toHaveAttribute('aria-invalid', 'false')

    const summary = screen.getByRole('alert')
    expect(within(summary).getByText('The activity was not saved:')).toBeVisible()
    expect(within(summary).getByText(/Your role does not allow this change\./)).toBeVisible()
    expect(within(summary).queryByText(/too long/)).toBeNull()
    expect(stub.onLogged).not.toHaveBeenCalled()
  })

  it('lets a manager remind someone else, and offers quick due dates', async () => {
    const stub = setUp(
      { __typename: 'ActivityPayload', activity: activityFixture, userErrors: [] },
      { canAssign: true },
    )
    // the test's own now, not the machine's
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 10, 20, 10, 15, 30))
    const user = userEvent.setup()
    await user.type(screen.getByLabelText(/^Subject/), 'Call back')
    await user.click(screen.getByRole('button', { name: '+ Add a follow-up reminder' }))
    await user.click(screen.getByRole('button', { name: 'In 3 days' }))

    // shown the app language's way
    expect(screen.getByLabelText(/^Due/)).toHaveValue('11/23/2026')
    expect(screen.getByLabelText<HTMLInputElement>('Time (Due)').value.replace(/\s/g, ' ')).toBe(
      '10:15 AM',
    )

    const assignee = screen.getByLabelText('Remind')
    // "me" by default; the manager is not offered twice
    expect(
      within(assignee)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Me', 'Rita Rep'])
    await user.selectOptions(assignee, 'Rita Rep')
    await user.click(screen.getByRole('button', { name: 'Save activity' }))

    expect(stub.variablesOf('LogActivity')).toEqual([
      {
        input: expect.objectContaining({
          kind: 'CALL',
          subject: 'Call back',
          reminder: {
            dueAt: new Date(2026, 10, 23, 10, 15).toISOString(),
            assigneeId: 'VXNlcjpyZXA',
          },
        }),
      },
    ])
    expect(stub.onLogged).toHaveBeenCalledOnce()
  })

  it('checks the subject and the due date before asking the server', async () => {
    const stub = setUp({ __typename: 'ActivityPayload', activity: null, userErrors: [] })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: '+ Add a follow-up reminder' }))
    await user.click(screen.getByRole('button', { name: 'Save activity' }))
    expect(screen.getByLabelText(/^Subject/)).toHaveAccessibleDescription('This is required.')
    expect(screen.getByLabelText(/^Due/)).toHaveAccessibleDescription('This is required.')
    expect(stub.variablesOf('LogActivity')).toEqual([])
  })
})

const activityFixture = {
  __typename: 'Activity',
  id: 'QWN0aXZpdHk6MQ',
  kind: 'CALL',
  subject: 'Call back',
  notes: null,
  outcome: null,
  occurredAt: '2026-11-23T10:00:00Z',
  version: 1,
  customer: { __typename: 'Customer', id: CUSTOMER_ID, name: 'Acme' },
  contact: null,
  owner: { __typename: 'User', id: 'VXNlcjptYW5hZ2Vy', name: 'Mia Manager' },
  reminder: null,
}
