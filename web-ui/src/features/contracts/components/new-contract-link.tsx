import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/**
 * "New contract" resting on an accepted quote (deal page) or on an order (order page): opens the
 * new contract form with it; nothing for a quote that is not accepted.
 */
export function NewContractLink({
  quote,
  orderId,
}: {
  quote?: { id: string; number: number; status: string }
  orderId?: string
}) {
  const { t } = useTranslation('contracts')
  if (quote && quote.status !== 'ACCEPTED') return null
  const query = quote
    ? `quote=${encodeURIComponent(quote.id)}`
    : `order=${encodeURIComponent(orderId ?? '')}`
  return (
    <Link
      to={`/contracts/new?${query}`}
      className="button"
      aria-label={quote ? t('create.fromQuoteLabel', { number: quote.number }) : undefined}
    >
      {t('list.new')}
    </Link>
  )
}
