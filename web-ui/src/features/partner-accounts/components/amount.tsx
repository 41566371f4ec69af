import { useTranslation } from 'react-i18next'
import { formatAmount, type MoneyLike } from '../../../lib/money'
import { toneOf } from '../utils/tone'

/** An amount or a balance on a partner's account, coloured by its sign. */
export function AccountAmount({ money, strong }: { money: MoneyLike; strong?: boolean }) {
  const { i18n } = useTranslation()
  const text = formatAmount(money, i18n.language)
  return (
    <span className={`account-amount account-amount-${toneOf(money.amount)}`}>
      {strong ? <strong>{text}</strong> : text}
    </span>
  )
}
