import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { DateField } from '../../../components/date-field'
import { SelectField, TextField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment } from '../../../gql'
import type {
  OpportunityDetailFieldsFragment,
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
import { OpportunityChangedSubscription, OpportunityQuery } from '../api/opportunities'
import { LiveIndicator } from '../../../components/live-indicator'
import { useLiveSubscription } from '../../../hooks/use-live-subscription'
import { isNewer } from '../../../lib/version-guard'
import '../sales.css'
import { useCan } from '../../../lib/permissions'
import { UserName } from '../../../components/user-name'

const OpportunityDetailFields = graphql(`
  fragment OpportunityDetailFields on Opportunity {
    id
    name
    status
    version
    expectedCloseDate
    amount {
      amount
      currency
    }
    customer {
      id
      name
    }
    owner {
      id
      name
      vendor
    }
    stage {
      id
      name
      position
      probability
      closesAsWon
    }
    lines {
      ...OpportunityLineFields
    }
    quotes {
      ...QuoteFields
    }
    weightedAmount {
      amount
      currency
    }
    competitors
    lostReason {
      id
      name
    }
    lostNote
    campaign {
      id
      name
    }
    createdAt
    updatedAt
    closedAt
    pipeline {
      id
      name
    }
    history {
      from {
        id
        name
      }
      to {
        id
        name
      }
      status
      changedBy {
        id
        name
        vendor
      }
      changedAt
    }
  }
`)

type Deal = OpportunityDetailFieldsFragment

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
  const deal = useFragment(OpportunityDetailFields, query.data?.opportunity)
  // someone else changed the deal: fetch it again (the user's own change is already shown)
  useLiveSubscription(
    OpportunityChangedSubscription,
    { id },
    (data) => {
      if (deal && isNewer(data.opportunityChanged, deal)) reload()
    },
    { pause: !deal, onResync: reload },
  )
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
  const can = useCan()
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
          <div className="page-title-row">
            <h1 id="deal-title">{deal.name}</h1>
            <LiveIndicator />
          </div>
          <p className="page-subtitle">
            <span className={`badge ${statusClass}`}>{t(`status.${deal.status}`)}</span>
            <span>{deal.stage.name}</span>
            <span>·</span>
            <span>{deal.customer.name}</span>
          </p>
        </div>
        {!editing && can('UPDATE', 'OPPORTUNITY') ? (
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
        <DetailList>
          <Detail label={t('field.customer')}>
            <Link to={`/customers/${encodeURIComponent(deal.customer.id)}`}>
              {deal.customer.name}
            </Link>
          </Detail>
          <Detail label={t('field.owner')}>
            <UserName user={deal.owner} />
          </Detail>
          <Detail label={t('field.stage')}>
            {deal.stage.name} ({t('field.probability')}: {deal.stage.probability} %)
          </Detail>
          <Detail label={t('field.status')}>{t(`status.${deal.status}`)}</Detail>
          <Detail label={t('field.amount')}>
            {deal.amount ? formatMoney(deal.amount, lang) : none}
          </Detail>
          <Detail label={t('field.weightedAmount')}>
            {deal.weightedAmount ? formatMoney(deal.weightedAmount, lang) : none}
          </Detail>
          <Detail label={t('field.expectedCloseDate')}>
            {deal.expectedCloseDate ? formatDate(deal.expectedCloseDate, lang) : none}
          </Detail>
          {deal.campaign ? (
            <>
              <Detail label={t('field.campaign')}>{deal.campaign.name}</Detail>
            </>
          ) : null}
          <Detail label={t('field.competitors')}>
            {deal.competitors.length > 0 ? (
              deal.competitors.join(', ')
            ) : (
              <span className="muted">{t('detail.noCompetitors')}</span>
            )}
          </Detail>
          {deal.status === 'LOST' ? (
            <>
              <Detail label={t('field.lostReason')}>{deal.lostReason?.name ?? none}</Detail>
              <Detail label={t('field.lostNote')}>{deal.lostNote || none}</Detail>
            </>
          ) : null}
          <Detail label={t('field.createdAt')}>{formatDateTime(deal.createdAt, lang)}</Detail>
          <Detail label={t('field.updatedAt')}>{formatDateTime(deal.updatedAt, lang)}</Detail>
          {deal.closedAt ? (
            <>
              <Detail label={t('field.closedAt')}>{formatDateTime(deal.closedAt, lang)}</Detail>
            </>
          ) : null}
        </DetailList>
      </section>

      <DealLines
        deal={deal}
        defaultCurrency={currency}
        canEdit={deal.status !== 'LOST' && can('UPDATE', 'OPPORTUNITY')}
        onReload={onReload}
      />

      <DealQuotes
        opportunityId={deal.id}
        quotes={deal.quotes}
        interests={deal.lines}
        defaultCurrency={currency}
        accessToken={accessToken}
        canQuote={deal.status === 'OPEN' && can('CREATE', 'QUOTE') && can('UPDATE', 'QUOTE')}
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
        <DateField
          label={t('field.expectedCloseDate')}
          errors={mapped.byField.expectedCloseDate}
          value={closeDate}
          onChange={setCloseDate}
        />
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
