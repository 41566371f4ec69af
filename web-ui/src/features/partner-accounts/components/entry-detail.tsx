import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PartnerAccountEntryFieldsFragment } from '../../../gql/graphql'
import { formatDate } from '../../../lib/format'
import { AccountAmount } from './amount'

type Entry = PartnerAccountEntryFieldsFragment

/** What an entry is about: the bank reference, the order, the agreement and year, or the reason. */
function EntryDetail({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation('partnerAccounts')
  if (entry.order) {
    return (
      <Link to={`/orders/${encodeURIComponent(entry.order.id)}`}>
        {t('entry.order', { number: entry.order.number })}
      </Link>
    )
  }
  if (entry.agreement && entry.rebateYear != null) {
    return (
      <>
        {t('entry.rebate', {
          year: entry.rebateYear,
          from: formatDate(entry.agreement.startsOn, i18n.language),
        })}
      </>
    )
  }
  if (entry.reference) return <>{t('entry.reference', { reference: entry.reference })}</>
  return <span className="preserve-lines">{entry.reason ?? ''}</span>
}

/** Entries as table rows: day, kind, what it is about, amount and the balance after it. */
export function EntryRows({ entries }: { entries: readonly Entry[] }) {
  const { t, i18n } = useTranslation('partnerAccounts')
  return (
    <>
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td className="nowrap">{formatDate(entry.bookedOn, i18n.language)}</td>
          <td>{t(`kind.${entry.kind}`)}</td>
          <td className="account-entry-detail">
            <EntryDetail entry={entry} />
          </td>
          <td className="num">
            <AccountAmount money={entry.amount} />
          </td>
          <td className="num">
            <AccountAmount money={entry.balanceAfter} />
          </td>
        </tr>
      ))}
    </>
  )
}

/** The header of an entries table. */
export function EntryHead() {
  const { t } = useTranslation('partnerAccounts')
  return (
    <thead>
      <tr>
        <th scope="col">{t('statement.day')}</th>
        <th scope="col">{t('statement.kind')}</th>
        <th scope="col">{t('statement.detail')}</th>
        <th scope="col" className="num">
          {t('statement.amount')}
        </th>
        <th scope="col" className="num">
          {t('statement.balanceAfter')}
        </th>
      </tr>
    </thead>
  )
}
