import type { ReactNode } from 'react'

/**
 * A description list whose labels and values stay paired. Each pair is one element (a `<div>`
 * around its `<dt>` and `<dd>`, as HTML allows in a `<dl>`), so no grid can put a label next to
 * another pair's value. `rows`: one pair per row, labels in one column; `tiles`: pairs side by
 * side, the label above its value, as many columns as fit.
 */
export function DetailList({
  layout = 'rows',
  children,
}: {
  layout?: 'rows' | 'tiles'
  children: ReactNode
}) {
  return <dl className={`detail-list detail-list-${layout}`}>{children}</dl>
}

/** One label and its value in a `DetailList`; `wide` takes a whole row of tiles. */
export function Detail({
  label,
  wide,
  className,
  children,
}: {
  label: ReactNode
  wide?: boolean
  /** classes of the value (`<dd>`), e.g. `preserve-lines` */
  className?: string
  children: ReactNode
}) {
  return (
    <div className={wide ? 'detail detail-wide' : 'detail'}>
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  )
}
