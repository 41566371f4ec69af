import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CombinedError } from 'urql'
import { Loading, QueryError } from './status'
import './hub-card.css'
import { LoadMore } from './load-more'

/** What a hub card needs of `useConnectionPages`. */
type Pages = {
  rows: readonly unknown[]
  hasNextPage: boolean
  fetching: boolean
  error: CombinedError | null
  loadMore: () => void
  reload: () => void
}

/**
 * One card of a hub page (e.g. the customer's deals): title with the number of rows loaded
 * ("25+" while more pages exist), an action, the list, "load more", and an empty state that says
 * so and offers the action.
 */
export function HubCard({
  id,
  title,
  pages,
  action,
  empty,
  children,
}: {
  id: string
  title: string
  pages: Pages
  action?: ReactNode
  /** Shown instead of the list when there are no rows. */
  empty: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const count = `${pages.rows.length}${pages.hasNextPage ? '+' : ''}`
  return (
    <section className="card hub-card" aria-labelledby={id}>
      <div className="card-header">
        <h2 id={id}>
          {title}{' '}
          {pages.fetching && pages.rows.length === 0 ? null : (
            <span className="badge hub-count">{count}</span>
          )}
        </h2>
        {action}
      </div>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.reload} /> : null}
      {pages.fetching && pages.rows.length === 0 ? (
        <Loading />
      ) : pages.rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        children
      )}
      <LoadMore pages={pages} label={t('common.loadMore')} busyLabel={t('common.loadingMore')} />
    </section>
  )
}
