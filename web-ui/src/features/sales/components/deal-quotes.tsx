import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { DateField } from '../../../components/date-field'
import { PriceBasisBadge } from '../../../components/price-basis-badge'
import { SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import {
  OpportunityLineFieldsFragmentDoc,
  type OpportunityLineFieldsFragment,
  type PriceBasis,
  type QuoteFieldsFragment,
} from '../../../gql/graphql'
import { openDocument, saveDocument } from '../../../lib/documents'
import { formatDate } from '../../../lib/format'
import { hasCode, mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { AcceptQuoteMutation, CreateQuoteMutation, DeclineQuoteMutation } from '../api/quotes'
import { CURRENCIES, formatMoney } from '../utils/money'
import {
  carryOverLines,
  emptyQuoteLine,
  isBlankLine,
  quoteFieldKeys,
  repriceLines,
  toCreateQuoteInput,
  withCatalogueProduct,
  type DiscountKind,
  type QuoteLineValues,
} from '../utils/quote-form'
import { QuoteLinePicker } from './quote-line-picker'

const QuoteFields = graphql(`
  fragment QuoteFields on Quote {
    id
    number
    documentNumber
    status
    currency
    validUntil
    version
    createdAt
    total {
      amount
      currency
    }
    lines {
      position
      description
      quantity
      listPrice {
        amount
        currency
      }
      discountPercent
      discount {
        amount
        currency
      }
      priceBasis
      partnerTier {
        id
        name
      }
      price {
        amount
        currency
      }
    }
  }
`)

type PricedLine = { priceBasis: PriceBasis; partnerTier?: { id: string; name: string } | null }

/** One line per price basis and tier among the lines, in their order. */
function distinctBases<L extends PricedLine>(lines: readonly L[]): L[] {
  const seen = new Set<string>()
  return lines.filter((line) => {
    const key = `${line.priceBasis}-${line.partnerTier?.id ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

type Props = {
  opportunityId: string
  quotes: readonly FragmentType<typeof QuoteFields>[]
  /** The deal's products of interest, which a new quote can take over. */
  interests: readonly FragmentType<typeof OpportunityLineFieldsFragmentDoc>[]
  defaultCurrency: string
  /** The signed-in user's access token: the printable documents need it. */
  accessToken?: string
  canQuote: boolean
  onReload: () => void
  /** More actions per quote, composed by the app from other features (e.g. "Create order"). */
  renderQuoteActions?: (quote: QuoteFieldsFragment) => ReactNode
}

/** The deal's quotes, newest first, with accept/decline, print and "New quote". */
export function DealQuotes({
  opportunityId,
  quotes: quoteRefs,
  interests: interestRefs,
  defaultCurrency,
  accessToken,
  canQuote,
  onReload,
  renderQuoteActions,
}: Props) {
  const { t, i18n } = useTranslation('sales')
  const quotes = useFragment(QuoteFields, quoteRefs)
  const interests = useFragment(OpportunityLineFieldsFragmentDoc, interestRefs)
  const lang = i18n.language
  const [creating, setCreating] = useState(false)
  const [accepted, acceptQuote] = useMutation(AcceptQuoteMutation)
  const [declined, declineQuote] = useMutation(DeclineQuoteMutation)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [printError, setPrintError] = useState(false)
  /** The document being made, e.g. `q1:pdf`: its button shows it, all print buttons wait. */
  const [printing, setPrinting] = useState<string | null>(null)
  const [created, setCreated] = useState<string | null>(null)

  const decide = async (quote: QuoteFieldsFragment, accept: boolean) => {
    setErrors([])
    setCreated(null)
    const input = { id: quote.id, expectedVersion: quote.version }
    const response = accept ? await acceptQuote({ input }) : await declineQuote({ input })
    const payload =
      response.data && 'acceptQuote' in response.data
        ? response.data.acceptQuote
        : response.data && 'declineQuote' in response.data
          ? response.data.declineQuote
          : undefined
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) onReload()
  }

  const print = async (quote: QuoteFieldsFragment, format: 'pdf' | 'html') => {
    setPrintError(false)
    setPrinting(`${quote.id}:${format}`)
    const path = `/documents/quotes/${encodeURIComponent(quote.id)}?format=${format}&lang=${encodeURIComponent(lang)}`
    try {
      // the PDF is saved under the name the server gives it; the HTML opens to be printed
      if (format === 'pdf') await saveDocument(path, accessToken, `${quote.documentNumber}.pdf`)
      else await openDocument(path, accessToken)
    } catch {
      setPrintError(true)
    } finally {
      setPrinting(null)
    }
  }

  const busy = accepted.fetching || declined.fetching
  const error = accepted.error ?? declined.error

  return (
    <section className="card" aria-labelledby="deal-quotes">
      <div className="card-header">
        <h2 id="deal-quotes">{t('quotes.title')}</h2>
        {canQuote && !creating ? (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('quotes.new')}
          </button>
        ) : null}
      </div>
      {error ? <QueryError error={error} /> : null}
      <FormErrors errors={errors} title={t('quotes.problems')}>
        {hasCode(errors, 'STALE_VERSION') ? (
          <button type="button" className="button" onClick={onReload}>
            {t('detail.reload')}
          </button>
        ) : null}
      </FormErrors>
      {printError ? (
        <p role="alert" className="alert alert-error">
          {t('quotes.printFailed')}
        </p>
      ) : null}
      {created !== null ? (
        <p role="status" className="alert alert-info">
          {t('quotes.created', { number: created })}
        </p>
      ) : null}
      {creating ? (
        <QuoteCreateForm
          opportunityId={opportunityId}
          interests={interests}
          defaultCurrency={defaultCurrency}
          onCancel={() => setCreating(false)}
          onCreated={(number) => {
            setCreating(false)
            setCreated(number)
            // the deal's query may share no type with the new quote, so the cache would keep it
            onReload()
          }}
        />
      ) : null}
      {quotes.length === 0 ? (
        <p className="muted">{t('quotes.none')}</p>
      ) : (
        <table className="chart-table quote-table">
          <thead>
            <tr>
              <th scope="col">{t('quotes.number')}</th>
              <th scope="col">{t('field.status')}</th>
              <th scope="col" className="number">
                {t('quotes.total')}
              </th>
              <th scope="col">{t('quotes.validUntil')}</th>
              <th scope="col">
                <span className="sales-sr-only">{t('quotes.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {quotes.map((quote) => (
              <tr key={quote.id}>
                <th scope="row">{quote.documentNumber}</th>
                <td>
                  <span className="badge">{t(`quoteStatus.${quote.status}`)}</span>
                </td>
                <td className="number">
                  {formatMoney(quote.total, lang)}
                  {/* which tier prices the catalogue lines got, once each */}
                  {distinctBases(quote.lines).map((line) => (
                    <PriceBasisBadge
                      key={`${line.priceBasis}-${line.partnerTier?.id ?? ''}`}
                      basis={line.priceBasis}
                      tier={line.partnerTier}
                    />
                  ))}
                </td>
                <td>{formatDate(quote.validUntil, lang)}</td>
                <td>
                  <div className="quote-actions">
                    {canQuote && quote.status === 'OPEN' ? (
                      <>
                        <button
                          type="button"
                          className="button button-primary"
                          disabled={busy}
                          aria-label={t('quotes.acceptLabel', { number: quote.documentNumber })}
                          onClick={() => void decide(quote, true)}
                        >
                          {t('quotes.accept')}
                        </button>
                        <button
                          type="button"
                          className="button"
                          disabled={busy}
                          aria-label={t('quotes.declineLabel', { number: quote.documentNumber })}
                          onClick={() => void decide(quote, false)}
                        >
                          {t('quotes.decline')}
                        </button>
                      </>
                    ) : null}
                    {(['pdf', 'html'] as const).map((format) => {
                      const making = printing === `${quote.id}:${format}`
                      return (
                        <button
                          key={format}
                          type="button"
                          className="button"
                          disabled={printing !== null}
                          aria-busy={making}
                          aria-label={
                            making
                              ? t('quotes.preparing')
                              : t(
                                  format === 'pdf'
                                    ? 'quotes.printPdfLabel'
                                    : 'quotes.printHtmlLabel',
                                  {
                                    number: quote.documentNumber,
                                  },
                                )
                          }
                          onClick={() => void print(quote, format)}
                        >
                          {making ? (
                            <>
                              <span className="spinner" aria-hidden="true" />{' '}
                              {t('quotes.preparing')}
                            </>
                          ) : (
                            t(format === 'pdf' ? 'quotes.printPdf' : 'quotes.printHtml')
                          )}
                        </button>
                      )
                    })}
                    {renderQuoteActions?.(quote)}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function todayPlus(days: number): string {
  const date = new Date()
  date.setDate(date.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function QuoteCreateForm({
  opportunityId,
  interests,
  defaultCurrency,
  onCancel,
  onCreated,
}: {
  opportunityId: string
  interests: readonly OpportunityLineFieldsFragment[]
  defaultCurrency: string
  onCancel: () => void
  onCreated: (documentNumber: string) => void
}) {
  const { t } = useTranslation('sales')
  const [result, create] = useMutation(CreateQuoteMutation)
  const [currency, setCurrency] = useState(defaultCurrency)
  const [validUntil, setValidUntil] = useState(() => todayPlus(30))
  const [lines, setLines] = useState<QuoteLineValues[]>(() => [emptyQuoteLine()])
  // bumped when lines are carried over, so that their pickers start afresh
  const [carried, setCarried] = useState(0)
  const carriable = carryOverLines(interests, currency)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, quoteFieldKeys(lines.length))
  const currencies: string[] = [...CURRENCIES]
  if (!currencies.includes(currency)) currencies.push(currency)

  const setLine = (index: number, patch: Partial<QuoteLineValues>) =>
    setLines((current) => current.map((line, i) => (i === index ? { ...line, ...patch } : line)))

  const submit = async () => {
    const local: UserErrorLike[] = []
    if (!validUntil) local.push({ field: ['input', 'validUntil'], code: 'REQUIRED', message: '' })
    lines.forEach((line, index) => {
      if (!line.description.trim()) {
        local.push({
          field: ['input', 'lines', String(index), 'description'],
          code: 'REQUIRED',
          message: '',
        })
      }
      // a catalogue line without a price is priced by the server for the customer
      if (!line.product && !line.listPrice.trim()) {
        local.push({
          field: ['input', 'lines', String(index), 'listPrice'],
          code: 'REQUIRED',
          message: '',
        })
      }
    })
    setErrors(local)
    if (local.length > 0) return
    const response = await create({
      input: toCreateQuoteInput(opportunityId, { currency, validUntil, lines }),
    })
    const payload = response.data?.createQuote
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.quote && payload.userErrors.length === 0) onCreated(payload.quote.documentNumber)
  }

  const fieldErrors = (key: string) => mapped.byField[key]

  return (
    <form
      className="quote-form"
      aria-label={t('quotes.newTitle')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h3>{t('quotes.newTitle')}</h3>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('quotes.createProblems')} />
      <div className="deal-create-money">
        <SelectField
          label={t('field.currency')}
          value={currency}
          onChange={(value) => {
            const next = value || defaultCurrency
            setCurrency(next)
            setLines((current) => repriceLines(current, next))
          }}
          options={currencies.map((c) => ({ value: c, label: c }))}
          errors={fieldErrors('currency')}
        />
        <DateField
          label={t('quotes.validUntil')}
          required
          errors={fieldErrors('validUntil')}
          value={validUntil}
          onChange={setValidUntil}
        />
      </div>
      <FormErrors errors={fieldErrors('lines') ?? []} />
      {carriable.length > 0 ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setLines((current) => [
                ...current.filter((line) => !isBlankLine(line)),
                ...carryOverLines(interests, currency),
              ])
              setCarried((n) => n + 1)
            }}
          >
            {t('quotes.carryOver', { count: carriable.length })}
          </button>
        </p>
      ) : null}
      {lines.map((line, index) => {
        const key = `lines.${index}`
        const discountErrors = [
          ...(fieldErrors(`${key}.discountAmount`) ?? []),
          ...(fieldErrors(`${key}.discountPercent`) ?? []),
        ]
        return (
          <fieldset key={`${carried}-${index}`} className="quote-line">
            <legend>{t('quotes.line', { number: index + 1 })}</legend>
            <QuoteLinePicker
              lineNumber={index + 1}
              currency={currency}
              product={line.product}
              editionCode={line.editionCode}
              initialSearch={line.product ? '' : line.description}
              onPick={(product, editionCode) =>
                setLine(index, withCatalogueProduct(line, product, editionCode, currency))
              }
              onClear={() => setLine(index, { product: null, editionCode: '' })}
            />
            <FormErrors
              errors={[
                ...(fieldErrors(`${key}.productId`) ?? []),
                ...(fieldErrors(`${key}.editionCode`) ?? []),
              ]}
            />
            <TextField
              label={t('quotes.description')}
              required
              value={line.description}
              onChange={(value) => setLine(index, { description: value })}
              errors={fieldErrors(`${key}.description`)}
            />
            <TextField
              label={t('quotes.quantity')}
              required
              value={line.quantity}
              onChange={(value) => setLine(index, { quantity: value })}
              errors={fieldErrors(`${key}.quantity`)}
            />
            <TextField
              label={t('quotes.listPrice')}
              required
              value={line.listPrice}
              onChange={(value) => setLine(index, { listPrice: value })}
              errors={fieldErrors(`${key}.listPrice`)}
            />
            <TextField
              label={t('quotes.discount')}
              value={line.discount}
              onChange={(value) => setLine(index, { discount: value })}
              errors={discountErrors}
            />
            <SelectField<DiscountKind>
              label={t('quotes.discountKind')}
              value={line.discountKind}
              onChange={(value) => setLine(index, { discountKind: value || 'percent' })}
              options={[
                { value: 'percent', label: t('quotes.discountPercent') },
                { value: 'amount', label: t('quotes.discountAmount', { currency }) },
              ]}
            />
            {lines.length > 1 ? (
              <button
                type="button"
                className="button"
                onClick={() => setLines((current) => current.filter((_, i) => i !== index))}
              >
                {t('quotes.removeLine', { number: index + 1 })}
              </button>
            ) : null}
          </fieldset>
        )
      })}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => setLines((current) => [...current, emptyQuoteLine()])}
        >
          {t('quotes.addLine')}
        </button>
        <button type="submit" className="button button-primary" disabled={result.fetching}>
          {t('quotes.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel', { ns: 'translation' })}
        </button>
      </div>
    </form>
  )
}
