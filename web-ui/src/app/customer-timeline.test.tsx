import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { CustomerActivities } from '../features/activities/components/customer-activities'
import { MailTimelineItem } from '../features/mail/components/mail-timeline-item'
import { makeFragmentData } from '../gql'
import {
  ActivityFieldsFragmentDoc,
  TimelineMailFieldsFragmentDoc,
  type CustomerTimelineQuery,
} from '../gql/graphql'
import { renderWithProviders } from '../testing/render'
import { createStubClient } from '../testing/urql'

// The customer page's timeline as the app composes it: the activities feature's list, the
// mail feature's items.

const call = {
  __typename: 'Activity' as const,
  id: 'QWN0aXZpdHk6MQ',
  ...makeFragmentData(
    {
      id: 'QWN0aXZpdHk6MQ',
      kind: 'CALL',
      subject: 'Call about the renewal',
      notes: null,
      outcome: 'Interested in a demo',
      occurredAt: '2026-11-20T10:00:00Z',
      version: 1,
      customer: { id: 'Q3VzdG9tZXI6MQ', name: 'Acme' },
      contact: { id: 'Q29udGFjdDox', fullName: 'Ada Lovelace' },
      owner: { id: 'VXNlcjpyZXA', name: 'Rita Rep', vendor: false },
      reminder: null,
    },
    ActivityFieldsFragmentDoc,
  ),
}

const mail = (id: string, subject: string | null, attachments: number) => ({
  __typename: 'MailMessage' as const,
  id,
  ...makeFragmentData(
    {
      __typename: 'MailMessage',
      id,
      mailSubject: subject,
      sentAt: '2026-11-21T09:30:00Z',
      importedAt: '2026-11-22T08:00:00Z',
      textBody: `Body of ${subject ?? 'nothing'}`,
      from: { __typename: 'MailParticipant', address: 'anna@example.com', name: 'Anna Buyer' },
      attachments: Array.from({ length: attachments }, (_, index) => ({
        __typename: 'MailAttachment',
        fileName: `offer-${index + 1}.pdf`,
        contentType: 'application/pdf',
        sizeBytes: 1024,
      })),
    },
    TimelineMailFieldsFragmentDoc,
  ),
})

type Entry = CustomerTimelineQuery['customerTimeline']['edges'][number]['node']

const page = (nodes: Entry[], hasNextPage: boolean, endCursor: string) => ({
  customerTimeline: {
    __typename: 'TimelineConnection',
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
    edges: nodes.map((node, index) => ({
      __typename: 'TimelineEdge',
      cursor: `${endCursor}-${index}`,
      at: '2026-11-21T09:30:00Z',
      node,
    })),
  },
})

function Timeline() {
  const [imports, setImports] = useState(0)
  return (
    <>
      <CustomerActivities
        customer={{ id: 'Q3VzdG9tZXI6MQ', archived: false, contacts: [] }}
        canLog={false}
        canAssign={false}
        renderMail={(message) => <MailTimelineItem message={message} />}
        refreshKey={imports}
      />
      <button type="button" onClick={() => setImports((n) => n + 1)}>
        Imported
      </button>
    </>
  )
}

describe('the customer timeline', () => {
  it('shows activities and mail in one list, unfolds a message, loads more and reloads', async () => {
    let served = 0
    const stub = createStubClient({
      CustomerTimeline: (variables) => {
        served++
        return variables.after
          ? page([mail('TWFpbDoy', null, 0)], false, 'p2')
          : page([mail('TWFpbDox', 'Licence renewal', 2), call], true, 'p1')
      },
    })
    renderWithProviders(<Timeline />, { client: stub.client })
    const user = userEvent.setup()

    const list = await screen.findByRole('list', { name: 'Timeline' })
    const message = within(list).getByRole('listitem', { name: 'Licence renewal' })
    expect(within(message).getByText('E-mail')).toBeVisible()
    expect(within(message).getByText('from Anna Buyer <anna@example.com>')).toBeVisible()
    expect(within(message).getByText('attachments: 2')).toBeVisible()
    expect(within(message).getByText('Body of Licence renewal')).not.toBeVisible()
    await user.click(within(message).getByText('Licence renewal'))
    expect(within(message).getByText('Body of Licence renewal')).toBeVisible()
    expect(within(message).getByText(/^offer-1\.pdf/)).toBeVisible()

    const activity = within(list).getByRole('listitem', { name: 'Call about the renewal' })
    expect(within(activity).getByText('Call', { exact: true })).toBeVisible()
    expect(within(activity).getByText('with Ada Lovelace')).toBeVisible()
    expect(within(activity).getByText('Interested in a demo')).toBeVisible()
    // mail first, as the server ordered them
    expect(within(list).getAllByRole('listitem', { name: /.+/ })[0]).toBe(message)

    await user.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await within(list).findByRole('listitem', { name: '(no subject)' })).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
    expect(stub.variablesOf('CustomerTimeline')).toEqual([
      { customerId: 'Q3VzdG9tZXI6MQ', first: 20, after: null },
      { customerId: 'Q3VzdG9tZXI6MQ', first: 20, after: 'p1' },
    ])

    // a message imported elsewhere on the page: the first page again
    await user.click(screen.getByRole('button', { name: 'Imported' }))
    expect(await screen.findByRole('button', { name: 'Load more' })).toBeVisible()
    await waitFor(() =>
      expect(within(list).queryByRole('listitem', { name: '(no subject)' })).toBeNull(),
    )
    expect(served).toBe(3)
    expect(stub.variablesOf('CustomerTimeline')[2]).toEqual({
      customerId: 'Q3VzdG9tZXI6MQ',
      first: 20,
      after: null,
    })
  })

  it('says when nothing happened yet', async () => {
    const stub = createStubClient({ CustomerTimeline: () => page([], false, 'p1') })
    renderWithProviders(<Timeline />, { client: stub.client })
    expect(await screen.findByText('No activities or mail yet.')).toBeVisible()
  })
})
