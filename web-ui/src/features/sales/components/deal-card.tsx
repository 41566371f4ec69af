import { useDraggable } from '@dnd-kit/core'
import { CSS } from '@dnd-kit/utilities'
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
  const { t, i18n } = useTranslation('sales')
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } =
    useDraggable({ id: deal.id })
  const style = transform ? { transform: CSS.Translate.toString(transform) } : undefined
  return (
    <article
      ref={setNodeRef}
      style={style}
      className={[
        'deal-card',
        isDragging ? 'deal-card-dragging' : '',
        pending ? 'deal-card-pending' : '',
        deal.status === 'WON' ? 'deal-card-won' : '',
      ]
        .join(' ')
        .trim()}
      aria-label={deal.name}
      aria-busy={pending || undefined}
    >
      <div className="deal-card-top">
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
          onClick={() => onLost(deal)}
          aria-label={t('board.markLost', { name: deal.name })}
        >
          {t('board.lost')}
        </button>
      ) : (
        <span className="badge badge-deal-won">{t(`status.${deal.status}`)}</span>
      )}
    </article>
  )
}
