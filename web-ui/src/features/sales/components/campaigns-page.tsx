import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { graphql, useFragment } from '../../../gql'
import { formatDate, formatNumber } from '../../../lib/format'
import { CampaignReportQuery, CampaignsQuery } from '../api/campaigns'
import { formatMoney } from '../utils/money'
import { CampaignForm } from './campaign-form'
import '../sales.css'
import { useCan } from '../../../lib/permissions'

const CampaignFields = graphql(`
  fragment CampaignFields on Campaign {
    id
    name
    kind
    startsOn
    endsOn
    cost {
      amount
      currency
    }
    notes
    version
  }
`)

const REFRESH_ON_CAMPAIGNS = { additionalTypenames: ['Campaign'] }

/** /campaigns: the campaigns with what each brought, "New campaign" and "Edit". */
export function CampaignsPage() {
  const { t, i18n } = useTranslation('sales')
  const can = useCan()
  const lang = i18n.language
  const [campaigns, reloadCampaigns] = useQuery({
    query: CampaignsQuery,
    context: REFRESH_ON_CAMPAIGNS,
  })
  const [report] = useQuery({ query: CampaignReportQuery, context: REFRESH_ON_CAMPAIGNS })
  const [creating, setCreating] = useState(false)
  const [editingId, setEditingId] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const results = new Map(
    (report.data?.campaignReport ?? []).map((row) => [row.campaign.id, row] as const),
  )
  const list = useFragment(CampaignFields, campaigns.data?.campaigns ?? [])
  const editing = list.find((campaign) => campaign.id === editingId)
  const reload = () => reloadCampaigns({ requestPolicy: 'network-only' })
  const none = <span className="muted">{t('common.notSet', { ns: 'translation' })}</span>

  return (
    <section className="page" aria-labelledby="campaigns-title">
      <header className="page-header">
        <div>
          <h1 id="campaigns-title">{t('campaigns.title')}</h1>
          <p className="page-subtitle">{t('campaigns.scopeNote')}</p>
        </div>
        {!creating && !editing && can('CREATE', 'CAMPAIGN') ? (
          <div className="page-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setNotice(null)
                setCreating(true)
              }}
            >
              {t('campaigns.new')}
            </button>
          </div>
        ) : null}
      </header>
      {notice ? (
        <p role="status" className="alert alert-info">
          {notice}
        </p>
      ) : null}
      {creating ? (
        <CampaignForm
          onCancel={() => setCreating(false)}
          onSaved={(name) => {
            setCreating(false)
            setNotice(t('campaigns.created', { name }))
          }}
        />
      ) : null}
      {editing ? (
        <CampaignForm
          // a reloaded version starts a fresh form
          key={`${editing.id}:${editing.version}`}
          campaign={editing}
          onCancel={() => setEditingId(null)}
          onReload={reload}
          onSaved={(name) => {
            setEditingId(null)
            setNotice(t('campaigns.saved', { name }))
          }}
        />
      ) : null}
      {campaigns.error ? <QueryError error={campaigns.error} onRetry={reload} /> : null}
      {report.error ? <QueryError error={report.error} /> : null}
      {campaigns.fetching && list.length === 0 ? (
        <Loading />
      ) : list.length === 0 ? (
        <EmptyState title={t('campaigns.none')} />
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
                <th scope="col">
                  <span className="visually-hidden">{t('campaigns.actions')}</span>
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
                    <td>
                      {can('UPDATE', 'CAMPAIGN') ? (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('campaigns.editLabel', { name: campaign.name })}
                          disabled={creating || editingId === campaign.id}
                          onClick={() => {
                            setNotice(null)
                            setCreating(false)
                            setEditingId(campaign.id)
                          }}
                        >
                          {t('campaigns.edit')}
                        </button>
                      ) : null}
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
