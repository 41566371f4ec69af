import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { FormField, SelectField, TextField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql } from '../../../gql'
import type { CampaignKind, CreateCampaignInput } from '../../../gql/graphql'
import { formatDate, formatNumber } from '../../../lib/format'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { CampaignReportQuery } from '../api/campaigns'
import { CURRENCIES, formatMoney } from '../utils/money'
import { normalizeDecimal } from '../utils/quote-form'
import '../sales.css'

const CampaignsQuery = graphql(`
  query Campaigns {
    campaigns {
      ...CampaignFields
    }
  }
`)

const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      campaign {
        ...CampaignFields
      }
      userErrors {
        ...SalesUserErrorFields
      }
    }
  }
`)

const CAMPAIGN_KINDS: readonly CampaignKind[] = [
  'PRICE_PROMOTION',
  'EXHIBITION',
  'WEBINAR',
  'MAILING',
  'ADVERTISING',
  'OTHER',
]

const REFRESH_ON_CAMPAIGNS = { additionalTypenames: ['Campaign'] }

/** /campaigns: the campaigns with what each brought, and "New campaign". */
export function CampaignsPage() {
  const { t, i18n } = useTranslation('sales')
  const lang = i18n.language
  const [campaigns, reloadCampaigns] = useQuery({
    query: CampaignsQuery,
    context: REFRESH_ON_CAMPAIGNS,
  })
  const [report] = useQuery({ query: CampaignReportQuery, context: REFRESH_ON_CAMPAIGNS })
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<string | null>(null)
  const results = new Map(
    (report.data?.campaignReport ?? []).map((row) => [row.campaign.id, row] as const),
  )
  const list = campaigns.data?.campaigns ?? []
  const none = <span className="muted">{t('common.notSet', { ns: 'translation' })}</span>

  return (
    <section className="page" aria-labelledby="campaigns-title">
      <header className="page-header">
        <div>
          <h1 id="campaigns-title">{t('campaigns.title')}</h1>
          <p className="page-subtitle">{t('campaigns.scopeNote')}</p>
        </div>
        {!creating ? (
          <div className="page-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setCreated(null)
                setCreating(true)
              }}
            >
              {t('campaigns.new')}
            </button>
          </div>
        ) : null}
      </header>
      {created ? (
        <p role="status" className="alert alert-info">
          {t('campaigns.created', { name: created })}
        </p>
      ) : null}
      {creating ? (
        <CampaignCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false)
            setCreated(name)
          }}
        />
      ) : null}
      {campaigns.error ? (
        <QueryError
          error={campaigns.error}
          onRetry={() => reloadCampaigns({ requestPolicy: 'network-only' })}
        />
      ) : null}
      {report.error ? <QueryError error={report.error} /> : null}
      {campaigns.fetching && list.length === 0 ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="muted">{t('campaigns.none')}</p>
      ) : (
        <div className="card">
          <table className="chart-table">
            <thead>
              <tr>
                <th scope="col">{t('campaigns.name')}</th>
                <th scope="col">{t('campaigns.kind')}</th>
                <th scope="col">{t('campaigns.period')}</th>
                <th scope="col" className="number">
                  {t('campaigns.cost')}
                </th>
                <th scope="col" className="number">
                  {t('campaigns.leads')}
                </th>
                <th scope="col" className="number">
                  {t('campaigns.deals')}
                </th>
                <th scope="col" className="number">
                  {t('campaigns.won')}
                </th>
                <th scope="col" className="number">
                  {t('campaigns.wonAmounts')}
                </th>
                <th scope="col" className="number">
                  {t('campaigns.returnOnCost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((campaign) => {
                const result = results.get(campaign.id)
                return (
                  <tr key={campaign.id}>
                    <th scope="row">{campaign.name}</th>
                    <td>{t(`campaignKind.${campaign.kind}`)}</td>
                    <td>
                      {campaign.startsOn || campaign.endsOn
                        ? `${formatDate(campaign.startsOn, lang)} – ${formatDate(campaign.endsOn, lang)}`
                        : none}
                    </td>
                    <td className="number">
                      {campaign.cost ? formatMoney(campaign.cost, lang) : none}
                    </td>
                    <td className="number">{result ? formatNumber(result.leads, lang) : ''}</td>
                    <td className="number">
                      {result ? formatNumber(result.opportunities, lang) : ''}
                    </td>
                    <td className="number">{result ? formatNumber(result.won, lang) : ''}</td>
                    <td className="number">
                      {result?.wonAmounts.map((money) => formatMoney(money, lang)).join(', ')}
                    </td>
                    <td className="number">
                      {result?.returnOnCost !== null && result?.returnOnCost !== undefined
                        ? new Intl.NumberFormat(lang, {
                            style: 'percent',
                            maximumFractionDigits: 1,
                          }).format(result.returnOnCost)
                        : none}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

const CAMPAIGN_FIELDS = [
  'name',
  'kind',
  'startsOn',
  'endsOn',
  'cost',
  'cost.amount',
  'cost.currency',
  'notes',
]

function CampaignCreateForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void
  onCreated: (name: string) => void
}) {
  const { t } = useTranslation('sales')
  const [result, create] = useMutation(CreateCampaignMutation)
  const [name, setName] = useState('')
  const [kind, setKind] = useState<CampaignKind>('WEBINAR')
  const [startsOn, setStartsOn] = useState('')
  const [endsOn, setEndsOn] = useState('')
  const [cost, setCost] = useState('')
  const [currency, setCurrency] = useState('EUR')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, CAMPAIGN_FIELDS)

  const submit = async () => {
    if (!name.trim()) {
      setErrors([{ field: ['input', 'name'], code: 'REQUIRED', message: '' }])
      return
    }
    const amount = normalizeDecimal(cost)
    const input: CreateCampaignInput = {
      name: name.trim(),
      kind,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      cost: amount ? { amount, currency } : null,
    }
    const response = await create({ input })
    const payload = response.data?.createCampaign
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.campaign && payload.userErrors.length === 0) onCreated(payload.campaign.name)
  }

  return (
    <section className="card" aria-labelledby="campaign-create-title">
      <h2 id="campaign-create-title">{t('campaigns.newTitle')}</h2>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('campaigns.problems')} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <TextField
          label={t('campaigns.name')}
          required
          value={name}
          onChange={setName}
          maxLength={200}
          errors={mapped.byField.name}
        />
        <SelectField<CampaignKind>
          label={t('campaigns.kind')}
          value={kind}
          onChange={(value) => setKind(value || 'OTHER')}
          options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`campaignKind.${k}`) }))}
          errors={mapped.byField.kind}
        />
        <div className="deal-create-money">
          <FormField label={t('campaigns.startsOn')} errors={mapped.byField.startsOn}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={startsOn}
                onChange={(event) => setStartsOn(event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('campaigns.endsOn')} errors={mapped.byField.endsOn}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={endsOn}
                min={startsOn || undefined}
                onChange={(event) => setEndsOn(event.target.value)}
              />
            )}
          </FormField>
        </div>
        <div className="deal-create-money">
          <TextField
            label={t('campaigns.cost')}
            value={cost}
            onChange={setCost}
            errors={[...(mapped.byField.cost ?? []), ...(mapped.byField['cost.amount'] ?? [])]}
          />
          <SelectField
            label={t('field.currency')}
            value={currency}
            onChange={(value) => setCurrency(value || 'EUR')}
            options={CURRENCIES.map((c) => ({ value: c, label: c }))}
            errors={mapped.byField['cost.currency']}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={result.fetching}>
            {t('campaigns.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
