import type { ResultOf } from '@graphql-typed-document-node/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { LoadMore } from '../../../components/load-more'
import { Loading, QueryError } from '../../../components/status'
import { useFragment } from '../../../gql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { PartnerAccountFields, PartnerAccountListQuery } from '../api/accounts'
import { AccountAmount } from './amount'
import '../partner-accounts.css'

/** /partner-accounts: every partner's balance per currency, each leading to its account page. */
export function PartnerAccountListPage() {
  const { t } = useTranslation('partnerAccounts')
  const pages = useConnectionPages(
    PartnerAccountListQuery,
    { first: 50 },
    (data) => data.partnerAccounts,
  )
  return (
    <section className="page" aria-labelledby="partner-accounts-title">
      <header className="page-header">
        <div>
          <h1 id="partner-accounts-title">{t('list.title')}</h1>
          <p className="page-subtitle">{t('list.subtitle')}</p>
        </div>
      </header>
      <section className="card">
        {pages.error ? <QueryError error={pages.error} onRetry={pages.retry} /> : null}
        {pages.fetching && pages.rows.length === 0 ? (
          <Loading />
        ) : pages.rows.length === 0 ? (
          pages.error ? null : (
            <p className="muted">{t('list.empty')}</p>
          )
        ) : (
          <div className="table-scroll">
            <table className="table account-table">
              <thead>
                <tr>
                  <th scope="col">{t('list.partner')}</th>
                  <th scope="col">{t('list.currency')}</th>
                  <th scope="col">{t('list.kind')}</th>
                  <th scope="col" className="num">
                    {t('list.balance')}
                  </th>
                  <th scope="col" className="num">
                    {t('list.creditLimit')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {pages.rows.map((row) => (
                  <AccountRow key={row.id} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore
          pages={pages}
          label={t('entries.loadMore')}
          busyLabel={t('entries.loadingMore')}
        />
      </section>
    </section>
  )
}

type Row = ResultOf<typeof PartnerAccountListQuery>['partnerAccounts']['edges'][number]['node']

function AccountRow({ row }: { row: Row }) {
  const { t } = useTranslation('partnerAccounts')
  const account = useFragment(PartnerAccountFields, row)
  return (
    <tr>
      <th scope="row">
        <Link to={`/partner-accounts/${encodeURIComponent(row.partner.id)}`}>
          {row.partner.name}
        </Link>
      </th>
      <td>{account.currency}</td>
      <td>
        {account.prepaid ? (
          <span className="badge badge-prepaid">{t('section.prepaid')}</span>
        ) : (
          t('section.onAccount')
        )}
      </td>
      <td className="num">
        <AccountAmount money={account.balance} strong />
      </td>
      <td className="num">
        <AccountAmount money={account.creditLimit} plain />
      </td>
    </tr>
  )
}
