import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useQuery } from 'urql'
import { SelectField, TextField } from '../../../components/form-field'
import { LoadMore } from '../../../components/load-more'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import type { PartnerStatus } from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { emptyReason } from '../../../lib/empty-reason'
import { useCan } from '../../../lib/permissions'
import { PartnerListQuery, PartnerTiersQuery } from '../api/partners'
import { territoryText } from '../utils/territories'
import { PartnerStatusBadge } from './status-badge'
import '../partners.css'

const PartnerRowFields = graphql(`
  fragment PartnerRowFields on Partner {
    id
    name
    legalName
    country
    status
    tier {
      id
      name
    }
    territories {
      region
      industry
    }
    parent {
      id
      name
    }
  }
`)

const PARTNER_STATUSES: readonly PartnerStatus[] = [
  'PROSPECTIVE',
  'ACTIVE',
  'SUSPENDED',
  'TERMINATED',
]

/** /channel/partners: the channel by name, status and tier (all kept in the address), "load more". */
export function PartnersPage() {
  const { t } = useTranslation('partners')
  const can = useCan()
  const [params, setParams] = useSearchParams()
  const statusParam = params.get('status') ?? ''
  const status = PARTNER_STATUSES.includes(statusParam as PartnerStatus)
    ? (statusParam as PartnerStatus)
    : ''
  const tierId = params.get('tier') ?? ''
  const search = params.get('q') ?? ''
  const debounced = useDebouncedValue(search.trim(), 250)
  const [tiers] = useQuery({ query: PartnerTiersQuery })
  const pages = useConnectionPages(
    PartnerListQuery,
    {
      search: debounced || null,
      status: status ? [status] : null,
      tierId: tierId || null,
      first: 25,
    },
    (data) => data.partners,
  )
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }
  return (
    <section className="page" aria-labelledby="partners-title">
      <header className="page-header">
        <div>
          <h1 id="partners-title">{t('list.title')}</h1>
          <p className="page-subtitle">{t('list.subtitle')}</p>
        </div>
        {can('CREATE', 'PARTNER') ? (
          <div className="page-actions">
            <Link to="/channel/partners/new" className="button button-primary">
              + {t('list.new')}
            </Link>
          </div>
        ) : null}
      </header>
      <div className="toolbar">
        <TextField
          type="search"
          label={t('list.search')}
          hint={t('list.searchHint')}
          value={search}
          onChange={(value) => setParam('q', value)}
        />
        <SelectField<PartnerStatus>
          label={t('field.status')}
          value={status}
          onChange={(value) => setParam('status', value)}
          emptyLabel={t('list.allStatuses')}
          options={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <SelectField
          label={t('field.tier')}
          value={tierId}
          onChange={(value) => setParam('tier', value)}
          emptyLabel={t('list.allTiers')}
          options={(tiers.data?.partnerTiers ?? []).map((tier) => ({
            value: tier.id,
            label: tier.name,
          }))}
        />
      </div>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.retry} /> : null}
      {pages.fetching && pages.rows.length === 0 ? (
        <Loading />
      ) : pages.rows.length === 0 ? (
        pages.error ? null : (
          <EmptyState
            reason={emptyReason(debounced, Boolean(status || tierId))}
            texts={{
              search: t('list.empty.search'),
              filters: t('list.empty.filters'),
              none: t('list.empty.none'),
            }}
          />
        )
      ) : (
        <div className="card">
          <PartnerTable rows={pages.rows} basePath="/channel/partners" />
          <LoadMore pages={pages} label={t('list.loadMore')} busyLabel={t('list.loadingMore')} />
        </div>
      )}
    </section>
  )
}

/** Partners as a table: name, status, tier, territories and, for sub-dealers, whose. */
export function PartnerTable({
  rows,
  basePath,
}: {
  rows: readonly FragmentType<typeof PartnerRowFields>[]
  /** Where a partner's page is, or null where the viewer has none (the portal's sub-dealers). */
  basePath: string | null
}) {
  const { t } = useTranslation('partners')
  const partners = useFragment(PartnerRowFields, rows)
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('field.name')}</th>
          <th scope="col">{t('field.status')}</th>
          <th scope="col">{t('field.tier')}</th>
          <th scope="col">{t('field.territories')}</th>
          <th scope="col">{t('field.parent')}</th>
        </tr>
      </thead>
      <tbody>
        {partners.map((partner) => (
          <tr key={partner.id}>
            <th scope="row">
              {basePath ? (
                <Link to={`${basePath}/${encodeURIComponent(partner.id)}`}>{partner.name}</Link>
              ) : (
                partner.name
              )}
              {partner.legalName && partner.legalName !== partner.name ? (
                <span className="muted small"> {partner.legalName}</span>
              ) : null}
            </th>
            <td>
              <PartnerStatusBadge status={partner.status} />
            </td>
            <td>{partner.tier?.name ?? <span className="muted">{t('tier.none')}</span>}</td>
            <td>
              {partner.territories.length === 0 ? (
                <span className="muted">{t('territory.anywhere')}</span>
              ) : (
                <ul className="tags">
                  {partner.territories.map((territory, index) => (
                    <li key={index} className="tag">
                      {territoryText(territory)}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td>{partner.parent?.name ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
