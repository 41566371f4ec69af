import { useDraggable } from '@dnd-kit/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate } from '../../../lib/format'
import type { Deal } from '../utils/board'
import { formatMoney } from '../utils/money'
import { UserName } from '../../../components/user-name'

/** A deal on the board: dragged by its handle (pointer or keyboard), opened by its name. */
export function DealCard({
  deal,
  pending,
  onLost,
}: {
  deal: Deal
  pending: boolean
  onLost: (deal: Deal) => void
}) {
  const { t } = useTranslation('sales')
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: deal.id,
  })
  return (
    <article
      ref={setNodeRef}
      className={[
        'deal-card',
        isDragging ? 'deal-card-placeholder' : '',
        pending ? 'deal-card-pending' : '',
        deal.status === 'WON' ? 'deal-card-won' : '',
      ]
        .join(' ')
        .trim()}
      aria-label={deal.name}
      aria-busy={pending || undefined}
    >
      <DealCardBody
        deal={deal}
        onLost={onLost}
        handle={
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="deal-card-handle"
            {...attributes}
            {...listeners}
            aria-label={t('board.dragHandle', { name: deal.name })}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        }
      />
    </article>
  )
}

/**
 * The card as it follows the pointer while dragged (dnd-kit's overlay): a picture of the card,
 * inert (not focusable, hidden from assistive technology, which follows the drag through the
 * announcements).
 */
export function DealCardOverlay({ deal }: { deal: Deal }) {
  return (
    <article
      className={['deal-card', 'deal-card-dragging', deal.status === 'WON' ? 'deal-card-won' : '']
        .join(' ')
        .trim()}
      inert
    >
      <DealCardBody
        deal={deal}
        handle={
          <span className="deal-card-handle" aria-hidden="true">
            ⠿
          </span>
        }
      />
    </article>
  )
}

function DealCardBody({
  deal,
  handle,
  onLost,
}: {
  deal: Deal
  handle: ReactNode
  onLost?: (deal: Deal) => void
}) {
  const { t, i18n } = useTranslation('sales')
  return (
    <>
      <div className="deal-card-top">
        {handle}
        <Link
          className="deal-card-name"
          to={`/opportunities/${encodeURIComponent(deal.id)}`}
          title={t('board.open', { name: deal.name })}
        >
          {deal.name}
        </Link>
      </div>
      <p className="deal-card-customer">{deal.customer.name}</p>
      <p className="deal-card-amount">
        {deal.amount ? (
          formatMoney(deal.amount, i18n.language)
        ) : (
          <span className="muted">{t('board.noAmount')}</span>
        )}
      </p>
      <p className="deal-card-meta">
        <span>
          <UserName user={deal.owner} />
        </span>
        {deal.expectedCloseDate ? (
          <span title={t('field.expectedCloseDate')}>
            {formatDate(deal.expectedCloseDate, i18n.language)}
          </span>
        ) : null}
      </p>
      {deal.status === 'OPEN' ? (
        <button
          type="button"
          className="button button-quiet button-small deal-card-lost"
          onClick={() => onLost?.(deal)}
          aria-label={t('board.markLost', { name: deal.name })}
        >
          {t('board.lost')}
        </button>
      ) : (
        <span className="badge badge-deal-won">{t(`status.${deal.status}`)}</span>
      )}
    </>
  )
}
