import { useTranslation } from 'react-i18next'
import type { PriceBasis } from '../gql/graphql'

/**
 * Which price a catalogue line got, where it is not the plain list price or one typed in: the
 * partner tier's price ("Gold tier price") or the tier's discount off the list price.
 */
export function PriceBasisBadge({
  basis,
  tier,
}: {
  basis: PriceBasis
  tier?: { name: string } | null
}) {
  const { t } = useTranslation()
  if (basis !== 'TIER_PRICE' && basis !== 'TIER_DISCOUNT') return null
  return (
    <span className="badge badge-price-basis">
      {t(`priceBasis.${basis}`, { tier: tier?.name ?? '' })}
    </span>
  )
}
