import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubAnswer } from '../../../testing/urql'
import { statementPdfPath } from '../utils/documents'
import { CustomerStatementPage } from './statement-page'

const eur = (amount: string) => ({ amount, currency: 'EUR' })

const statement: StubAnswer<'CustomerStatement'> = {
  customer: { id: 'cu1', name: 'Acme' },
  customerStatement: {
    currency: 'EUR',
    from: '2026-01-01',
    to: '2026-12-02',
    openingBalance: eur('0.00'),
    lines: [
      {
        date: '2026-03-01',
        kind: 'INVOICE',
        reference: 'INV-2026-00004',
        debit: eur('1000.00'),
        credit: null,
        planned: null,
        balance: eur('1000.00'),
      },
      {
        date: '2026-03-20',
        kind: 'PAYMENT',
        reference: 'PAY-2026-00002',
        debit: null,
        credit: eur('400.00'),
        planned: null,
        balance: eur('600.00'),
      },
    ],
    invoiced: eur('1000.00'),
    received: eur('400.00'),
    refunded: eur('0.00'),
    planned: eur('0.00'),
    closingBalance: eur('600.00'),
    credit: eur('0.00'),
  },
}

function setUp(language: 'en' | 'ru' = 'en') {
  const stub = createStubClient({ CustomerStatement: () => statement })
  renderWithProviders(<CustomerStatementPage accessToken="token-1" />, {
    client: stub.client,
    route: '/customers/cu1/statement',
    path: '/customers/:id/statement',
    language,
  })
  return stub
}

describe('CustomerStatementPage', () => {
  it('shows the lines with the running balance and the totals', async () => {
    const stub = setUp()
    const table = await screen.findByRole('table')
    const rows = within(table).getAllByRole('row')
    expect(rows[1]).toHaveTextContent('Opening balance')
    expect(rows[2]).toHaveTextContent('Invoice')
    expect(rows[2]).toHaveTextContent('€1,000.00')
    expect(rows[3]).toHaveTextContent('PAY-2026-00002')
    expect(rows[3]).toHaveTextContent('€600.00')
    expect(screen.getByText('Closing balance', { selector: 'dt' }).nextSibling).toHaveTextContent(
      '€600.00',
    )
    expect(stub.variablesOf('CustomerStatement')[0]).toMatchObject({
      customerId: 'cu1',
      currency: 'EUR',
    })
  })

  it('downloads the PDF with the token in the app’s language, busy meanwhile', async () => {
    let finish: (response: Response) => void = () => undefined
    const fetchMock = vi.fn(
      () =>
        new Promise<Response>((resolve) => {
          finish = resolve
        }),
    )
    vi.stubGlobal('fetch', fetchMock)
    URL.createObjectURL = vi.fn(() => 'blob:statement')
    URL.revokeObjectURL = vi.fn()
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    setUp('ru')
    await screen.findByRole('table')
    await userEvent.click(screen.getByRole('button', { name: 'Скачать PDF' }))
    expect(screen.getByRole('button', { name: 'Готовим…' })).toBeDisabled()
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(path).toMatch(
      /^\/customers\/cu1\/statement\.pdf\?from=\d{4}-01-01&to=.+&currency=EUR&lang=ru$/,
    )
    expect(init.headers).toEqual({ Authorization: 'Bearer token-1' })
    // what documents.ts reads of a response (jsdom's Blob cannot go into Node's Response)
    finish({
      ok: true,
      status: 200,
      blob: async () => new Blob(['%PDF']),
      headers: new Headers({ 'Content-Disposition': 'attachment; filename="statement-acme.pdf"' }),
    } as unknown as Response)
    await waitFor(() => expect(click).toHaveBeenCalled())
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('statement-acme.pdf')
    expect(await screen.findByRole('button', { name: 'Скачать PDF' })).toBeEnabled()
    vi.unstubAllGlobals()
  })

  it('builds the PDF address', () => {
    expect(
      statementPdfPath('Q3VzdG9tZXI6MQ==', {
        from: '2026-01-01',
        to: '2026-06-30',
        currency: 'USD',
        lang: 'zh-CN',
      }),
    ).toBe(
      '/customers/Q3VzdG9tZXI6MQ%3D%3D/statement.pdf?from=2026-01-01&to=2026-06-30&currency=USD&lang=zh-CN',
    )
  })
})
