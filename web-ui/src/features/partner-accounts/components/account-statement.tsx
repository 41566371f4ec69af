import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { DateField } from '../../../components/date-field'
import { Detail, DetailList } from '../../../components/detail-list'
import { Loading, QueryError } from '../../../components/status'
import { useFragment } from '../../../gql'
import { formatDate } from '../../../lib/format'
import { useReloadOn } from '../../../hooks/use-reload-on'
import { PartnerAccountEntryFields, PartnerAccountStatementQuery } from '../api/accounts'
import { thisQuarter } from '../utils/period'
import { AccountAmount } from './amount'
import { EntryHead, EntryRows } from './entry-detail'

/**
 * An account's statement for a period (this quarter unless the user picks another): the opening
 * balance, each entry with the balance after it, credits, debits and the closing balance.
 */
export function AccountStatement({
  accountId,
  refreshKey,
}: {
  accountId: string
  refreshKey?: number
}) {
  const { t, i18n } = useTranslation('partnerAccounts')
  const lang = i18n.language
  const [period, setPeriod] = useState(thisQuarter)
  const valid = Boolean(period.from && period.to && period.from <= period.to)
  const [result, reexecute] = useQuery({
    query: PartnerAccountStatementQuery,
    variables: { id: accountId, from: period.from, to: period.to },
    pause: !valid,
    requestPolicy: 'cache-and-network',
  })
  useReloadOn(refreshKey, () => reexecute({ requestPolicy: 'network-only' }))
  const node = result.data?.node
  const statement = node && 'statement' in node ? node.statement : null
  const entries = useFragment(PartnerAccountEntryFields, statement?.entries ?? [])
  const titleId = `statement-${accountId}`
  return (
    <section className="account-statement" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('statement.title')}</h3>
      <div className="account-toolbar">
        <DateField
          label={t('statement.from')}
          value={period.from}
          max={period.to || undefined}
          onChange={(from) => setPeriod((current) => ({ ...current, from }))}
        />
        <DateField
          label={t('statement.to')}
          value={period.to}
          min={period.from || undefined}
          onChange={(to) => setPeriod((current) => ({ ...current, to }))}
        />
      </div>
      {!valid ? (
        <p role="alert" className="alert alert-warning">
          {t('statement.invalidPeriod')}
        </p>
      ) : result.error && !statement ? (
        <QueryError
          error={result.error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : !statement ? (
        result.fetching ? (
          <Loading />
        ) : null
      ) : (
        <>
          <div className="table-scroll">
            <table className="table account-table">
              <EntryHead />
              <tbody>
                <tr>
                  <td className="nowrap">{formatDate(statement.from, lang)}</td>
                  <th scope="row" colSpan={3}>
                    {t('statement.opening')}
                  </th>
                  <td className="num">
                    <AccountAmount money={statement.openingBalance} />
                  </td>
                </tr>
                <EntryRows entries={entries} />
                {entries.length === 0 ? (
                  <tr>
                    <td colSpan={5} className="muted">
                      {t('statement.empty')}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <DetailList layout="tiles">
            <Detail label={t('statement.opening')}>
              <AccountAmount money={statement.openingBalance} />
            </Detail>
            <Detail label={t('statement.credits')}>
              <AccountAmount money={statement.credits} />
            </Detail>
            <Detail label={t('statement.debits')}>
              <AccountAmount money={statement.debits} />
            </Detail>
            <Detail label={t('statement.closing')}>
              <AccountAmount money={statement.closingBalance} strong />
            </Detail>
          </DetailList>
        </>
      )}
    </section>
  )
}
