import { useTranslation } from 'react-i18next'
import { LoadMore } from '../../../components/load-more'
import { Loading, QueryError } from '../../../components/status'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { PartnerListQuery } from '../api/partners'
import { PartnerTable } from './partners-page'
import '../partners.css'

/** One partner's sub-dealers as a table (the portal's own list: no links to vendor pages). */
export function SubDealerList({ parentId, emptyText }: { parentId: string; emptyText: string }) {
  const { t } = useTranslation('partners')
  const pages = useConnectionPages(
    PartnerListQuery,
    { parentId, search: null, status: null, tierId: null, first: 25 },
    (data) => data.partners,
  )
  if (pages.error) return <QueryError error={pages.error} onRetry={pages.retry} />
  if (pages.fetching && pages.rows.length === 0) return <Loading />
  if (pages.rows.length === 0) return <p className="muted">{emptyText}</p>
  return (
    <div className="card">
      <PartnerTable rows={pages.rows} basePath={null} />
      <LoadMore pages={pages} label={t('list.loadMore')} busyLabel={t('list.loadingMore')} />
    </div>
  )
}
