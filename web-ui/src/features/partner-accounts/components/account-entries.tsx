import { useTranslation } from 'react-i18next'
import { LoadMore } from '../../../components/load-more'
import { Loading, QueryError } from '../../../components/status'
import { useFragment } from '../../../gql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { PartnerAccountEntriesQuery, PartnerAccountEntryFields } from '../api/accounts'
import { EntryHead, EntryRows } from './entry-detail'

const PAGE_SIZE = 25

/** Every entry of an account, newest first, a page at a time ("load more"). */
export function AccountEntries({
  accountId,
  refreshKey,
}: {
  accountId: string
  refreshKey?: number
}) {
  const { t } = useTranslation('partnerAccounts')
  const pages = useConnectionPages(
    PartnerAccountEntriesQuery,
    { id: accountId, first: PAGE_SIZE },
    (data) => (data.node && 'entries' in data.node ? data.node.entries : null),
    { refreshKey },
  )
  const entries = useFragment(PartnerAccountEntryFields, pages.rows)
  const titleId = `entries-${accountId}`
  return (
    <section className="account-entries" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('entries.title')}</h3>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.retry} /> : null}
      {pages.fetching && entries.length === 0 ? (
        <Loading />
      ) : entries.length === 0 ? (
        pages.error ? null : (
          <p className="muted">{t('entries.empty')}</p>
        )
      ) : (
        <div className="table-scroll">
          <table className="table account-table">
            <EntryHead />
            <tbody>
              <EntryRows entries={entries} />
            </tbody>
          </table>
        </div>
      )}
      <LoadMore pages={pages} label={t('entries.loadMore')} busyLabel={t('entries.loadingMore')} />
    </section>
  )
}
