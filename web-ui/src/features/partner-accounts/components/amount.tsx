import { useTranslation } from 'react-i18next'
import { formatAmount, type MoneyLike } from '../../../lib/money'
import { toneOf } from '../utils/tone'

/** An amount or a balance on a partner's account, coloured by its sign unless `plain`. */
export function AccountAmount({
  money,
  strong,
  plain,
}: {
  money: MoneyLike
  strong?: boolean
  /** Not a balance or a booking (e.g. a credit limit): no colour. */
  plain?: boolean
}) {
  const { i18n } = useTranslation()
  const text = formatAmount(money, i18n.language)
  return (
    <span className={`account-amount account-amount-${plain ? 'even' : toneOf(money.amount)}`}>
      {strong ? <strong>{text}</strong> : text}
    </span>
  )
}
