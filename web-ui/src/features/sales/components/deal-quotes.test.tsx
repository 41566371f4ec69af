import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeFragmentData } from '../../../gql'
import {
  OpportunityLineFieldsFragmentDoc,
  QuoteFieldsFragmentDoc,
  type CreateQuoteMutationVariables,
  type QuoteCatalogueQuery,
} from '../../../gql/graphql'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { DealQuotes } from './deal-quotes'

const quote = makeFragmentData(
  {
    id: 'q1',
    number: 1,
    documentNumber: 'QUO-2026-00012-v1',
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
        interests={[]}
        defaultCurrency="EUR"
        canQuote
        onReload={onReload}
      />,
      { client: stub.client },
    )
    expect(screen.getByRole('rowheader', { name: 'QUO-2026-00012-v1' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Accept quote QUO-2026-00012-v1' }))
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
        interests={[]}
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
          interests={[]}
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

      await userEvent.click(
        screen.getByRole('button', { name: 'Download quote QUO-2026-00012-v1 as PDF' }),
      )
      const busy = screen.getByRole('button', { name: 'Preparing…' })
      expect(busy).toBeDisabled()
      expect(busy).toHaveAttribute('aria-busy', 'true')
      expect(
        screen.getByRole('button', { name: 'Print quote QUO-2026-00012-v1 as HTML' }),
      ).toBeDisabled()
      expect(server.fetch).toHaveBeenCalledWith('/documents/quotes/q1?format=pdf&lang=en', {
        headers: { Authorization: 'Bearer token-1' },
      })

      server.answer(
        new Response('%PDF-1.4', {
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition':
              'inline; filename="QUO-2026-00012-v1.pdf"; filename*=UTF-8\'\'QUO-2026-00012-v1.pdf',
          },
        }),
      )
      await waitFor(() => expect(saved).toEqual(['QUO-2026-00012-v1.pdf blob:quote']))
      expect(
        await screen.findByRole('button', { name: 'Download quote QUO-2026-00012-v1 as PDF' }),
      ).toBeEnabled()
      expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    })

    it('is saved under its document number when the server names no file', async () => {
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
        saved.push(this.download)
      })
      renderQuotes()

      await userEvent.click(
        screen.getByRole('button', { name: 'Download quote QUO-2026-00012-v1 as PDF' }),
      )
      server.answer(new Response('%PDF-1.4', { headers: { 'Content-Type': 'application/pdf' } }))
      await waitFor(() => expect(saved).toEqual(['QUO-2026-00012-v1.pdf']))
    })

    it('says so when it cannot be made, and can be asked for again', async () => {
      const server = pendingFetch()
      renderQuotes()

      await userEvent.click(
        screen.getByRole('button', { name: 'Download quote QUO-2026-00012-v1 as PDF' }),
      )
      server.answer(new Response('', { status: 500 }))
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'The document could not be opened.',
      )
      expect(
        screen.getByRole('button', { name: 'Download quote QUO-2026-00012-v1 as PDF' }),
      ).toBeEnabled()
    })
  })
})

const catalogue: QuoteCatalogueQuery = {
  products: {
    edges: [
      {
        node: {
          id: 'p1',
          code: 'DD-CRM',
          name: 'DealerDesk CRM',
          editions: [{ code: 'PRO', name: 'Professional', active: true }],
          prices: [
            { editionCode: null, tier: null, unitPrice: { amount: '100.00', currency: 'EUR' } },
            { editionCode: 'PRO', tier: null, unitPrice: { amount: '250.00', currency: 'EUR' } },
          ],
        },
      },
    ],
  },
}

const interests = [
  makeFragmentData(
    { position: 1, product: 'DealerDesk CRM', quantity: 12, unitPrice: null, bought: true },
    OpportunityLineFieldsFragmentDoc,
  ),
]

function renderQuoteForm(lines: typeof interests) {
  const stub = createStubClient({
    QuoteCatalogue: () => catalogue,
    CreateQuote: () => ({
      createQuote: { __typename: 'QuotePayload', quote: null, userErrors: [] },
    }),
  })
  renderWithProviders(
    <DealQuotes
      opportunityId="o1"
      quotes={[]}
      interests={lines}
      defaultCurrency="EUR"
      canQuote
      onReload={() => undefined}
    />,
    { client: stub.client },
  )
  return stub
}

const sentLines = (stub: ReturnType<typeof createStubClient>) =>
  (stub.variablesOf('CreateQuote') as CreateQuoteMutationVariables[]).map((v) => v.input.lines)

describe('QuoteCreateForm with the catalogue', () => {
  it('picks a product and edition as you type and fills its catalogue price', async () => {
    const stub = renderQuoteForm([])
    await userEvent.click(screen.getByRole('button', { name: 'New quote' }))
    await userEvent.type(screen.getByLabelText('Catalogue product'), 'crm')
    await userEvent.click(
      await screen.findByRole('button', { name: 'Use DealerDesk CRM on line 1' }),
    )
    expect(stub.variablesOf('QuoteCatalogue').at(-1)).toEqual({ search: 'crm' })
    expect(screen.getByLabelText(/List price/)).toHaveValue('100.00')
    await userEvent.selectOptions(screen.getByLabelText('Edition'), 'PRO')
    expect(screen.getByLabelText(/Description/)).toHaveValue('DealerDesk CRM Professional')
    expect(screen.getByLabelText(/List price/)).toHaveValue('250.00')
    await userEvent.click(screen.getByRole('button', { name: 'Create quote' }))
    // the catalogue's price untouched: the server prices the line for the customer
    // (a partner's customer at its tier's price)
    expect(sentLines(stub)).toEqual([
      [
        {
          description: 'DealerDesk CRM Professional',
          quantity: 1,
          productId: 'p1',
          editionCode: 'PRO',
        },
      ],
    ])
  })

  it('says so when the product has no price in the quote’s currency', async () => {
    renderQuoteForm([])
    await userEvent.click(screen.getByRole('button', { name: 'New quote' }))
    await userEvent.selectOptions(screen.getByLabelText('Currency'), 'USD')
    await userEvent.type(screen.getByLabelText('Catalogue product'), 'crm')
    await userEvent.click(
      await screen.findByRole('button', { name: 'Use DealerDesk CRM on line 1' }),
    )
    expect(
      screen.getByText('The catalogue has no price in USD: type the price.'),
    ).toBeInTheDocument()
    expect(screen.getByLabelText(/List price/)).toHaveValue('')
  })

  it('carries the products of interest over and finds them in the catalogue', async () => {
    const stub = renderQuoteForm(interests)
    await userEvent.click(screen.getByRole('button', { name: 'New quote' }))
    await userEvent.click(
      screen.getByRole('button', { name: 'Take over the products of interest (1)' }),
    )
    const line = screen.getByRole('group', { name: 'Line 1' })
    expect(within(line).getByLabelText(/Description/)).toHaveValue('DealerDesk CRM')
    expect(within(line).getByLabelText(/Quantity/)).toHaveValue('12')
    expect(within(line).getByLabelText('Catalogue product')).toHaveValue('DealerDesk CRM')
    await userEvent.click(
      await within(line).findByRole('button', { name: 'Use DealerDesk CRM on line 1' }),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Create quote' }))
    expect(sentLines(stub)).toEqual([
      [{ description: 'DealerDesk CRM', quantity: 12, productId: 'p1' }],
    ])
    expect(screen.queryByRole('group', { name: 'Line 2' })).not.toBeInTheDocument()
  })
})
