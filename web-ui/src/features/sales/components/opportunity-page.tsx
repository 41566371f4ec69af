import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { FormField, SelectField, TextField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql } from '../../../gql'
import type {
  OpportunityDetailFieldsFragment,
  OpportunityQuery as OpportunityQueryResult,
  QuoteFieldsFragment,
  UpdateOpportunityInput,
} from '../../../gql/graphql'
import { formatDate, formatDateTime } from '../../../lib/format'
import { hasCode, mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { DealCampaignOptionsQuery } from '../api/campaigns'
import { UpdateOpportunityMutation } from '../api/mutations'
import { CURRENCIES, formatMoney } from '../utils/money'
import { DealLines } from './deal-lines'
import { DealQuotes } from './deal-quotes'
import '../sales.css'

export const OpportunityQuery = graphql(`
  query Opportunity($id: ID!) {
    opportunity(id: $id) {
      ...OpportunityDetailFields
      lines {
        ...OpportunityLineFields
      }
      quotes {
        ...QuoteFields
      }
    }
  }
`)

type Deal = NonNullable<OpportunityQueryResult['opportunity']>

const REFRESH_ON_CHANGES = { additionalTypenames: ['Opportunity'] }

/**
 * /opportunities/:id. `accessToken` (from the app) lets the quotes' print links fetch their
 * documents, which need the bearer token.
 */
export function OpportunityPage({
  accessToken,
  renderQuoteActions,
}: {
  accessToken?: string
  /** Passed on to the quotes: actions from other features, composed by the app. */
  renderQuoteActions?: (quote: QuoteFieldsFragment) => ReactNode
}) {
  const { t } = useTranslation('sales')
  const id = useParams().id ?? ''
  const [query, reexecute] = useQuery({
    query: OpportunityQuery,
    variables: { id },
    context: REFRESH_ON_CHANGES,
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const deal = query.data?.opportunity
  if (query.fetching && !deal) return <Loading />
  if (query.error && !deal) return <QueryError error={query.error} onRetry={reload} />
  if (!deal) {
    return (
      <EmptyState title={t('detail.notFound')}>
        <Link to="/pipeline">{t('detail.backToBoard')}</Link>
      </EmptyState>
    )
  }
  return (
    <OpportunityView
      key={deal.version}
      deal={deal}
      accessToken={accessToken}
      onReload={reload}
      renderQuoteActions={renderQuoteActions}
    />
  )
}

function OpportunityView({
  deal,
  accessToken,
  onReload,
  renderQuoteActions,
}: {
  deal: Deal
  accessToken?: string
  onReload: () => void
  renderQuoteActions?: (quote: QuoteFieldsFragment) => ReactNode
}) {
  const { t, i18n } = useTranslation('sales')
  const [editing, setEditing] = useState(false)
  const none = <span className="muted">{t('common.notSet', { ns: 'translation' })}</span>
  const lang = i18n.language
  const currency = deal.amount?.currency ?? 'EUR'
  const statusClass =
    deal.status === 'WON' ? 'badge-deal-won' : deal.status === 'LOST' ? 'badge-deal-lost' : ''

  return (
    <article className="page page-narrow" aria-labelledby="deal-title">
      <p className="breadcrumb">
        <Link to="/pipeline">← {t('detail.backToBoard')}</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="deal-title">{deal.name}</h1>
          <p className="page-subtitle">
            <span className={`badge ${statusClass}`}>{t(`status.${deal.status}`)}</span>
            <span>{deal.stage.name}</span>
            <span>·</span>
            <span>{deal.customer.name}</span>
          </p>
        </div>
        {!editing ? (
          <div className="page-actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('detail.edit')}
            </button>
          </div>
        ) : null}
      </header>

      {editing ? (
        <OpportunityEditForm deal={deal} onCancel={() => setEditing(false)} onReload={onReload} />
      ) : null}

      <section className="card" aria-labelledby="deal-details">
        <h2 id="deal-details">{t('detail.details')}</h2>
        <dl className="deal-facts">
          <dt>{t('field.customer')}</dt>
          <dd>
            <Link to={`/customers/${encodeURIComponent(deal.customer.id)}`}>
              {deal.customer.name}
            </Link>
          </dd>
          <dt>{t('field.owner')}</dt>
          <dd>{deal.owner.name}</dd>
          <dt>{t('field.stage')}</dt>
          <dd>
            {deal.stage.name} ({t('field.probability')}: {deal.stage.probability} %)
          </dd>
          <dt>{t('field.status')}</dt>
          <dd>{t(`status.${deal.status}`)}</dd>
          <dt>{t('field.amount')}</dt>
          <dd>{deal.amount ? formatMoney(deal.amount, lang) : none}</dd>
          <dt>{t('field.weightedAmount')}</dt>
          <dd>{deal.weightedAmount ? formatMoney(deal.weightedAmount, lang) : none}</dd>
          <dt>{t('field.expectedCloseDate')}</dt>
          <dd>{deal.expectedCloseDate ? formatDate(deal.expectedCloseDate, lang) : none}</dd>
          {deal.campaign ? (
            <>
              <dt>{t('field.campaign')}</dt>
              <dd>{deal.campaign.name}</dd>
            </>
          ) : null}
          <dt>{t('field.competitors')}</dt>
          <dd>
            {deal.competitors.length > 0 ? (
              deal.competitors.join(', ')
            ) : (
              <span className="muted">{t('detail.noCompetitors')}</span>
            )}
          </dd>
          {deal.status === 'LOST' ? (
            <>
              <dt>{t('field.lostReason')}</dt>
              <dd>{deal.lostReason?.name ?? none}</dd>
              <dt>{t('field.lostNote')}</dt>
              <dd>{deal.lostNote || none}</dd>
            </>
          ) : null}
          <dt>{t('field.createdAt')}</dt>
          <dd>{formatDateTime(deal.createdAt, lang)}</dd>
          <dt>{t('field.updatedAt')}</dt>
          <dd>{formatDateTime(deal.updatedAt, lang)}</dd>
          {deal.closedAt ? (
            <>
              <dt>{t('field.closedAt')}</dt>
              <dd>{formatDateTime(deal.closedAt, lang)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <DealLines
        deal={deal}
        defaultCurrency={currency}
        canEdit={deal.status !== 'LOST'}
        onReload={onReload}
      />

      <DealQuotes
        opportunityId={deal.id}
        quotes={deal.quotes}
        interests={deal.lines}
        defaultCurrency={currency}
        accessToken={accessToken}
        canQuote={deal.status === 'OPEN'}
        onReload={onReload}
        renderQuoteActions={renderQuoteActions}
      />

      <section className="card" aria-labelledby="deal-history">
        <h2 id="deal-history">{t('detail.history')}</h2>
        {deal.history.length === 0 ? (
          <p className="muted">{t('detail.noHistory')}</p>
        ) : (
          <ol className="timeline">
            {deal.history.map((change, index) => (
              <li key={index}>
                <strong>
                  {change.from
                    ? t('detail.historyMoved', { from: change.from.name, to: change.to.name })
                    : t('detail.historyCreated', { to: change.to.name })}
                </strong>{' '}
                {change.status !== 'OPEN' ? (
                  <span className="badge">{t(`status.${change.status}`)}</span>
                ) : null}
                <span className="timeline-when">
                  <time dateTime={change.changedAt}>{formatDateTime(change.changedAt, lang)}</time>{' '}
                  {t('detail.historyBy', { name: change.changedBy.name })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  )
}

const EDIT_FIELDS = [
  'name',
  'amount',
  'amount.amount',
  'amount.currency',
  'expectedCloseDate',
  'campaignId',
]

function OpportunityEditForm({
  deal,
  onCancel,
  onReload,
}: {
  deal: OpportunityDetailFieldsFragment
  onCancel: () => void
  onReload: () => void
}) {
  const { t } = useTranslation('sales')
  const [result, update] = useMutation(UpdateOpportunityMutation)
  const [name, setName] = useState(deal.name)
  const [amount, setAmount] = useState(deal.amount?.amount ?? '')
  const [currency, setCurrency] = useState(deal.amount?.currency ?? 'EUR')
  const [closeDate, setCloseDate] = useState(deal.expectedCloseDate ?? '')
  const [campaignId, setCampaignId] = useState(deal.campaign?.id ?? '')
  const [campaigns] = useQuery({ query: DealCampaignOptionsQuery })
  const campaignOptions = (campaigns.data?.campaigns ?? []).map((campaign) => ({
    value: campaign.id,
    label: campaign.name,
  }))
  // the deal's campaign stays listed even if it is not among the caller's
  if (
    campaignOptions.length > 0 &&
    deal.campaign &&
    !campaignOptions.some((option) => option.value === deal.campaign?.id)
  ) {
    campaignOptions.push({ value: deal.campaign.id, label: deal.campaign.name })
  }
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, EDIT_FIELDS)
  const currencies: string[] = [...CURRENCIES]
  if (!currencies.includes(currency)) currencies.push(currency)

  const submit = async () => {
    if (!name.trim()) {
      setErrors([{ field: ['name'], code: 'REQUIRED', message: '' }])
      return
    }
    const trimmed = amount.trim().replace(',', '.')
    const changedAmount =
      trimmed !== (deal.amount?.amount ?? '') || currency !== (deal.amount?.currency ?? 'EUR')
    // Partial update: the API changes only the fields sent, and an explicit null clears one.
    const input: UpdateOpportunityInput = { id: deal.id, expectedVersion: deal.version }
    if (name.trim() !== deal.name) input.name = name.trim()
    if (changedAmount) input.amount = trimmed ? { amount: trimmed, currency } : null
    if (closeDate !== (deal.expectedCloseDate ?? '')) input.expectedCloseDate = closeDate || null
    if (campaignId !== (deal.campaign?.id ?? '')) input.campaignId = campaignId || null
    const response = await update({ input })
    const payload = response.data?.updateOpportunity
    if (!payload) return
    setErrors(payload.userErrors)
    // a successful update arrives with a new version: the page starts afresh without the form
  }

  return (
    <section className="card" aria-labelledby="deal-edit-title">
      <h2 id="deal-edit-title">{t('detail.editTitle')}</h2>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('detail.problems')}>
        {hasCode(errors, 'STALE_VERSION') ? (
          <>
            <p>{t('detail.staleVersion')}</p>
            <button type="button" className="button" onClick={onReload}>
              {t('detail.reload')}
            </button>
          </>
        ) : null}
      </FormErrors>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <TextField
          label={t('field.name')}
          required
          value={name}
          onChange={setName}
          maxLength={200}
          errors={mapped.byField.name}
        />
        <div className="deal-create-money">
          <TextField
            label={t('field.amount')}
            value={amount}
            onChange={setAmount}
            errors={[...(mapped.byField.amount ?? []), ...(mapped.byField['amount.amount'] ?? [])]}
          />
          <SelectField
            label={t('field.currency')}
            value={currency}
            onChange={setCurrency}
            options={currencies.map((c) => ({ value: c, label: c }))}
            errors={mapped.byField['amount.currency']}
          />
        </div>
        <FormField label={t('field.expectedCloseDate')} errors={mapped.byField.expectedCloseDate}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={closeDate}
              onChange={(event) => setCloseDate(event.target.value)}
            />
          )}
        </FormField>
        {campaignOptions.length > 0 ? (
          <SelectField
            label={t('field.campaign')}
            value={campaignId}
            onChange={setCampaignId}
            emptyLabel={t('common.notSelected', { ns: 'translation' })}
            options={campaignOptions}
            errors={mapped.byField.campaignId}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={result.fetching}>
            {t('detail.save')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
