/** A connection being paged, as useConnectionPages gives it. */
type Pages = { hasNextPage: boolean; fetching: boolean; loadMore: () => void }

/** The "load more" button under a paged list: shown while there is a next page, busy while it loads. */
export function LoadMore({
  pages,
  label,
  busyLabel,
}: {
  pages: Pages
  label: string
  busyLabel: string
}) {
  if (!pages.hasNextPage) return null
  return (
    <p className="load-more">
      <button type="button" className="button" disabled={pages.fetching} onClick={pages.loadMore}>
        {pages.fetching ? busyLabel : label}
      </button>
    </p>
  )
}
