import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'

/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 25

/**
 * The rows of a paged list that are in view (plus `overscan`), for a list that renders only
 * those: the DOM stays the same size however many pages were loaded. Scrolling near the end
 * loads the next page; while there is one, a last "loading" row stands for it (its index is
 * `count`). Rows are measured as they render, so they may wrap.
 */
export function useVirtualRows<E extends HTMLElement = HTMLDivElement>({
  count,
  estimateSize,
  getItemKey,
  hasNextPage,
  fetching,
  onLoadMore,
  overscan = 10,
}: {
  count: number
  estimateSize: number
  getItemKey: (index: number) => string
  hasNextPage: boolean
  fetching: boolean
  onLoadMore: () => void
  overscan?: number
}) {
  const scrollRef = useRef<E>(null)
  const virtualizer = useVirtualizer({
    count: count + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    overscan,
    getItemKey: (index) => (index < count ? getItemKey(index) : 'loader'),
    useFlushSync: false,
  })
  const items = virtualizer.getVirtualItems()
  const lastVisible = items.length > 0 ? items[items.length - 1]!.index : -1

  useEffect(() => {
    if (lastVisible >= 0 && hasNextPage && !fetching && lastVisible >= count - PREFETCH_ROWS) {
      onLoadMore()
    }
  }, [lastVisible, count, hasNextPage, fetching, onLoadMore])

  return { scrollRef, virtualizer, items }
}
