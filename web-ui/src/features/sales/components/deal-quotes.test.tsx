import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeFragmentData } from '../../../gql'
import { QuoteFieldsFragmentDoc } from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { DealQuotes } from './deal-quotes'

const quote = makeFragmentData(
  {
    id: 'q1',
    number: 1,
    status: 'OPEN',
    currency: 'EUR',
    validUntil: '2026-12-31',
    version: 3,
    createdAt: '2026-11-20T10:00:00Z',
    total: { amount: '900.00', currency: 'EUR' },
    lines: [],
  },
  QuoteFieldsFragmentDoc,
)

describe('DealQuotes', () => {
  it('accepts a quote with its version', async () => {
    const stub = createStubClient({
      AcceptQuote: () => ({
        acceptQuote: { __typename: 'QuotePayload', quote: null, userErrors: [] },
      }),
    })
    const onReload = vi.fn()
    renderWithProviders(
      <DealQuotes
        opportunityId="o1"
        quotes={[quote]}
        defaultCurrency="EUR"
        canQuote
        onReload={onReload}
      />,
      { client: stub.client },
    )
    expect(screen.getByRole('rowheader', { name: 'No. 1' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Accept quote 1' }))
    expect(stub.variablesOf('AcceptQuote')).toEqual([{ input: { id: 'q1', expectedVersion: 3 } }])
    expect(onReload).toHaveBeenCalled()
  })

  it('sends a percent discount and shows the server’s error at the line’s list price', async () => {
    const stub = createStubClient({
      CreateQuote: () => ({
        createQuote: {
          __typename: 'QuotePayload',
          quote: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: ['input', 'lines', '0', 'listPrice'],
              code: 'INVALID_VALUE',
              message: 'must not be negative',
            },
          ],
        },
      }),
    })
    renderWithProviders(
      <DealQuotes
        opportunityId="o1"
        quotes={[]}
        defaultCurrency="EUR"
        canQuote
        onReload={() => undefined}
      />,
      { client: stub.client },
    )
    await userEvent.click(screen.getByRole('button', { name: 'New quote' }))
    await userEvent.type(screen.getByLabelText(/Description/), 'Pro licence')
    await userEvent.clear(screen.getByLabelText(/Quantity/))
    await userEvent.type(screen.getByLabelText(/Quantity/), '2')
    await userEvent.type(screen.getByLabelText(/List price/), '-5')
    await userEvent.type(screen.getByLabelText(/^Discount$/), '10')
    await userEvent.click(screen.getByRole('button', { name: 'Create quote' }))
    const [variables] = stub.variablesOf('CreateQuote') as [{ input: { lines: unknown[] } }]
    expect(variables.input.lines).toEqual([
      { description: 'Pro licence', quantity: 2, listPrice: '-5', discountPercent: '10' },
    ])
    expect(screen.getByLabelText(/List price/)).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText(/must not be negative/)).toBeInTheDocument()
  })

  describe('the PDF', () => {
    afterEach(() => {
      vi.unstubAllGlobals()
      vi.restoreAllMocks()
    })

    /** A fetch that answers only when the test says so, and records where it went. */
    function pendingFetch() {
      let answer: (response: Response) => void = () => undefined
      const fetch = vi.fn(
        (_path: string, _init?: RequestInit) =>
          new Promise<Response>((resolve) => (answer = resolve)),
      )
      vi.stubGlobal('fetch', fetch)
      return { fetch, answer: (response: Response) => answer(response) }
    }

    function renderQuotes() {
      renderWithProviders(
        <DealQuotes
          opportunityId="o1"
          quotes={[quote]}
          defaultCurrency="EUR"
          accessToken="token-1"
          canQuote
          onReload={() => undefined}
        />,
        { client: createStubClient({}).client },
      )
    }

    it('is busy while it is made, then saved under the name the server gives it', async () => {
      const server = pendingFetch()
      vi.stubGlobal(
        'URL',
        Object.assign(URL, {
          createObjectURL: vi.fn(() => 'blob:quote'),
          revokeObjectURL: vi.fn(),
        }),
      )
      const saved: string[] = []
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        saved.push(`${this.download} ${this.href}`)
      })
      renderQuotes()

      await userEvent.click(screen.getByRole('button', { name: 'Download quote 1 as PDF' }))
      const busy = screen.getByRole('button', { name: 'Preparing…' })
      expect(busy).toBeDisabled()
      expect(busy).toHaveAttribute('aria-busy', 'true')
      expect(screen.getByRole('button', { name: 'Print quote 1 as HTML' })).toBeDisabled()
      expect(server.fetch).toHaveBeenCalledWith('/documents/quotes/q1?format=pdf&lang=en', {
        headers: { Authorization: 'Bearer token-1' },
      })

      server.answer(
        new Response('%PDF-1.4', {
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition':
              'inline; filename="Quote 1 - ERP.pdf"; filename*=UTF-8\'\'Quote%201%20-%20ERP%20%E2%80%93%20%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0.pdf',
          },
        }),
      )
      await waitFor(() => expect(saved).toEqual(['Quote 1 - ERP – Москва.pdf blob:quote']))
      expect(await screen.findByRole('button', { name: 'Download quote 1 as PDF' })).toBeEnabled()
      expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    })

    it('says so when it cannot be made, and can be asked for again', async () => {
      const server = pendingFetch()
      renderQuotes()

      await userEvent.click(screen.getByRole('button', { name: 'Download quote 1 as PDF' }))
      server.answer(new Response('', { status: 500 }))
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'The document could not be opened.',
      )
      expect(screen.getByRole('button', { name: 'Download quote 1 as PDF' })).toBeEnabled()
    })
  })
})
