import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate } from '../../../lib/format'
import type { CustomerListQuery } from '../../../gql/graphql'
import { StatusBadge } from './status-badge'
import { UserName } from '../../../components/user-name'
import { useVirtualRows } from '../../../hooks/use-virtual-rows'

type CustomerRow = CustomerListQuery['customers']['edges'][number]['node']

const ROW_HEIGHT = 56

/**
 * The customers as a virtualized table: only the rows in view (plus a few) are in the DOM, so
 * scrolling stays smooth however many pages were loaded.
 */
export function CustomerResults({
  rows,
  totalCount,
  hasNextPage,
  fetching,
  onLoadMore,
}: {
  rows: readonly CustomerRow[]
  totalCount: number | null
  hasNextPage: boolean
  fetching: boolean
  onLoadMore: () => void
}) {
  const { t, i18n } = useTranslation('customers')
  const { scrollRef, virtualizer, items } = useVirtualRows({
    count: rows.length,
    estimateSize: ROW_HEIGHT,
    getItemKey: (index) => rows[index]!.id,
    hasNextPage,
    fetching,
    onLoadMore,
  })

  return (
    <div
      className="results"
      role="table"
      aria-label={t('list.results')}
      aria-rowcount={(totalCount ?? rows.length) + 1}
    >
      <div role="rowgroup" className="results-head">
        <div role="row" aria-rowindex={1} className="results-row">
          <span role="columnheader">{t('customer.field.name')}</span>
          <span role="columnheader">{t('customer.field.status')}</span>
          <span role="columnheader" className="col-optional">
            {t('customer.field.region')}
          </span>
          <span role="columnheader" className="col-optional">
            {t('customer.field.industry')}
          </span>
          <span role="columnheader">{t('customer.field.owner')}</span>
          <span role="columnheader" className="col-optional">
            {t('customer.field.updatedAt')}
          </span>
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="results-body">
        <div className="results-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]
            const style = { height: item.size, transform: `translateY(${item.start}px)` }
            if (!row) {
              return (
                <div key={item.key} role="row" className="results-row results-loader" style={style}>
                  <span role="cell">{t('list.loadingMore')}</span>
                </div>
              )
            }
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={row.archived ? 'results-row results-row-archived' : 'results-row'}
                style={style}
              >
                <span role="cell" className="cell-name">
                  <Link to={`/customers/${encodeURIComponent(row.id)}`}>{row.name}</Link>
                  {row.legalName ? <span className="cell-sub">{row.legalName}</span> : null}
                </span>
                <span role="cell">
                  <StatusBadge status={row.status} />
                  {row.archived ? (
                    <span className="badge badge-archived">{t('list.archived')}</span>
                  ) : null}
                </span>
                <span role="cell" className="col-optional">
                  {row.region ?? ''}
                </span>
                <span role="cell" className="col-optional">
                  {row.industry ?? ''}
                </span>
                <span role="cell">
                  <UserName user={row.owner} />
                </span>
                <span role="cell" className="col-optional">
                  <time dateTime={row.updatedAt}>{formatDate(row.updatedAt, i18n.language)}</time>
                </span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
