import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { SelectField, TextField } from '../../../components/form-field'
import { LoadMore } from '../../../components/load-more'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import type { ContractStatus } from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { emptyReason } from '../../../lib/empty-reason'
import { formatDate } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { ContractListQuery } from '../api/contracts'
import '../contracts.css'

const ContractRowFields = graphql(`
  fragment ContractRowFields on Contract {
    id
    number
    title
    status
    signedOn
    progress
    customer {
      id
      name
    }
    total {
      amount
      currency
    }
  }
`)

const CONTRACT_STATUSES: readonly ContractStatus[] = [
  'DRAFT',
  'SIGNED',
  'IN_PROGRESS',
  'COMPLETED',
  'TERMINATED',
]

/** /contracts: newest first, by status and search (both kept in the address), "load more". */
export function ContractsPage({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation('contracts')
  const [params, setParams] = useSearchParams()
  const statusParam = params.get('status') ?? ''
  const status = (CONTRACT_STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as ContractStatus)
    : ''
  const search = params.get('q') ?? ''
  const debounced = useDebouncedValue(search.trim(), 250)
  const pages = useConnectionPages(
    ContractListQuery,
    { status: status ? [status] : null, search: debounced || null, first: 25 },
    (data) => data.contracts,
  )
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }

  return (
    <section className="page" aria-labelledby="contracts-title">
      <header className="page-header">
        <div>
          <h1 id="contracts-title">{t('list.title')}</h1>
        </div>
        {canCreate ? (
          <div className="page-actions">
            <Link to="/contracts/new" className="button button-primary">
              {t('list.new')}
            </Link>
          </div>
        ) : null}
      </header>
      <div className="toolbar contracts-search">
        <TextField
          type="search"
          label={t('list.search')}
          hint={t('list.searchHint')}
          value={search}
          onChange={(value) => setParam('q', value)}
        />
        <SelectField<ContractStatus>
          label={t('list.status')}
          value={status}
          onChange={(value) => setParam('status', value)}
          emptyLabel={t('list.allStatuses')}
          options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </div>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.reload} /> : null}
      {pages.fetching && pages.rows.length === 0 ? (
        <Loading />
      ) : pages.rows.length === 0 ? (
        <EmptyState
          reason={emptyReason(debounced, status !== '')}
          texts={{
            search: t('list.empty.search'),
            filters: t('list.empty.filters'),
            none: t('list.empty.none'),
          }}
        />
      ) : (
        <div className="card">
          <ContractTable rows={pages.rows} showCustomer />
          <LoadMore pages={pages} label={t('list.loadMore')} busyLabel={t('list.loadingMore')} />
        </div>
      )}
    </section>
  )
}

/** Contracts as a table: the list page's, and the customer card's (without the customer). */
export function ContractTable({
  rows,
  showCustomer,
}: {
  rows: readonly FragmentType<typeof ContractRowFields>[]
  showCustomer: boolean
}) {
  const { t, i18n } = useTranslation('contracts')
  const lang = i18n.language
  const contracts = useFragment(ContractRowFields, rows)
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('field.number')}</th>
          <th scope="col">{t('field.title')}</th>
          {showCustomer ? <th scope="col">{t('field.customer')}</th> : null}
          <th scope="col">{t('field.status')}</th>
          <th scope="col">{t('field.signedOn')}</th>
          <th scope="col" className="number">
            {t('field.total')}
          </th>
          <th scope="col" className="number">
            {t('field.progress')}
          </th>
        </tr>
      </thead>
      <tbody>
        {contracts.map((contract) => (
          <tr key={contract.id}>
            <th scope="row">
              <Link to={`/contracts/${encodeURIComponent(contract.id)}`}>{contract.number}</Link>
            </th>
            <td>{contract.title}</td>
            {showCustomer ? (
              <td>
                <Link to={`/customers/${encodeURIComponent(contract.customer.id)}`}>
                  {contract.customer.name}
                </Link>
              </td>
            ) : null}
            <td>
              <span className={`badge contract-status-${contract.status}`}>
                {t(`status.${contract.status}`)}
              </span>
            </td>
            <td>{contract.signedOn ? formatDate(contract.signedOn, lang) : '—'}</td>
            <td className="number">{formatAmount(contract.total, lang)}</td>
            <td className="number">{t('list.progress', { percent: contract.progress })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
