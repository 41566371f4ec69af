import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeFragmentData } from '../../../gql'
import { ActivityFieldsFragmentDoc, type ActivityFieldsFragment } from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { MyReminders } from './my-reminders'

function activity(
  id: string,
  subject: string,
  dueAt: string,
  version: number,
): ActivityFieldsFragment {
  return {
    id,
    kind: 'CALL',
    subject,
    notes: null,
    outcome: null,
    occurredAt: '2026-11-20T10:00:00Z',
    version,
    customer: { id: `Customer-${id}`, name: `Customer of ${subject}` },
    contact: { id: 'Q29udGFjdDox', fullName: 'Ada Lovelace' },
    owner: { id: 'VXNlcjpyZXA', name: 'Rita Rep', vendor: false },
    reminder: {
      dueAt,
      done: false,
      doneAt: null,
      snoozeCount: 0,
      assignee: { id: 'VXNlcjpyZXA', name: 'Rita Rep', vendor: false },
    },
  }
}

const connection = (nodes: ActivityFieldsFragment[]) => ({
  myReminders: {
    __typename: 'ActivityConnection',
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: nodes.map((node, index) => ({
      __typename: 'ActivityEdge',
      cursor: `c${index}`,
      node: makeFragmentData(node, ActivityFieldsFragmentDoc),
    })),
  },
})

const late = activity('QWN0aXZpdHk6MQ', 'Send the offer', '2020-01-01T09:00:00Z', 7)
const today = activity('QWN0aXZpdHk6Mg', 'Call about the demo', '2099-01-01T16:00:00Z', 2)
const later = activity('QWN0aXZpdHk6Mw', 'Renewal talk', '2099-02-01T09:00:00Z', 3)

function setUp(payload: {
  completeReminder?: StubAnswer<'CompleteReminder'>['completeReminder']
  snoozeReminder?: StubAnswer<'SnoozeReminder'>['snoozeReminder']
}) {
  let lateDone = false
  const stub = createStubClient({
    MyReminders: (variables) => {
      switch (variables.due) {
        case 'OVERDUE':
          return connection(lateDone ? [] : [late])
        case 'TODAY':
          return connection([today])
        default:
          return connection([later])
      }
    },
    CompleteReminder: () => {
      lateDone = true
      return { completeReminder: payload.completeReminder! }
    },
    SnoozeReminder: () => ({ snoozeReminder: payload.snoozeReminder! }),
  })
  renderWithProviders(<MyReminders />, {
    client: stub.client,
    route: '/reminders',
    path: '/reminders',
  })
  return stub
}

const section = (name: RegExp) => screen.getByRole('region', { name })

describe('MyReminders', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows the three buckets for the browser time zone and completes with the version read', async () => {
    const stub = setUp({
      completeReminder: {
        __typename: 'ActivityPayload',
        activity: makeFragmentData(
          { ...late, version: 8, reminder: { ...late.reminder!, done: true } },
          ActivityFieldsFragmentDoc,
        ),
        userErrors: [],
      },
    })

    const overdue = section(/^Overdue/)
    const row = await within(overdue).findByRole('listitem', { name: 'Send the offer' })
    expect(within(row).getByRole('link', { name: 'Customer of Send the offer' })).toHaveAttribute(
      'href',
      '/customers/Customer-QWN0aXZpdHk6MQ',
    )
    expect(
      await within(section(/^Today/)).findByRole('listitem', { name: 'Call about the demo' }),
    ).toBeVisible()
    expect(
      await within(section(/^Upcoming/)).findByRole('listitem', { name: 'Renewal talk' }),
    ).toBeVisible()
    expect(within(overdue).queryByText('Renewal talk')).toBeNull()

    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
    expect(stub.variablesOf('MyReminders')).toEqual(
      ['OVERDUE', 'TODAY', 'UPCOMING'].map((due) => ({ due, timeZone, first: 50, after: null })),
    )

    const user = userEvent.setup()
    await user.click(within(row).getByRole('button', { name: 'Done' }))
    await user.type(within(row).getByLabelText('Outcome (optional)'), 'Offer sent')
    await user.click(within(row).getByRole('button', { name: 'Mark as done' }))

    expect(stub.variablesOf('CompleteReminder')).toEqual([
      { input: { activityId: 'QWN0aXZpdHk6MQ', expectedVersion: 7, outcome: 'Offer sent' } },
    ])
    expect(await screen.findByText('“Send the offer” is done.')).toBeVisible()
    expect(await within(section(/^Overdue/)).findByText('Nothing overdue.')).toBeVisible()
    expect(within(section(/^Today/)).getByText('Call about the demo')).toBeVisible()
  })

  it('snoozes with the version read and reloads when someone changed it meanwhile', async () => {
    const stub = setUp({
      snoozeReminder: {
        __typename: 'ActivityPayload',
        activity: null,
        userErrors: [
          {
            __typename: 'UserError',
            field: ['input', 'expectedVersion'],
            code: 'STALE_VERSION',
            message: 'Someone else changed this activity since you read it',
          },
        ],
      },
    })
    // the test's own today, 25 November 2026, not the machine's: no flake around midnight
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 10, 25, 14, 0))
    const user = userEvent.setup()
    const row = await within(section(/^Today/)).findByRole('listitem', {
      name: 'Call about the demo',
    })
    await user.click(within(row).getByRole('button', { name: 'Snooze' }))
    await user.click(within(row).getByRole('button', { name: 'Tomorrow, 9:00' }))

    const tomorrowNine = new Date(2026, 10, 26, 9, 0)
    expect(stub.variablesOf('SnoozeReminder')).toEqual([
      {
        input: {
          activityId: 'QWN0aXZpdHk6Mg',
          expectedVersion: 2,
          until: tomorrowNine.toISOString(),
        },
      },
    ])
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“Call about the demo” was changed meanwhile — reloaded.',
    )
    // every bucket asked again
    await waitFor(() => expect(stub.variablesOf('MyReminders')).toHaveLength(6))
  })
})
