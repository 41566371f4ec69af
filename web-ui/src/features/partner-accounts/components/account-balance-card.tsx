import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { Loading, QueryError } from '../../../components/status'
import { useFragment } from '../../../gql'
import { PartnerAccountFields, PartnerAccountsQuery } from '../api/accounts'
import { AccountAmount } from './amount'
import '../partner-accounts.css'

/** The partner's balances with the vendor, for its dashboard, with the way to its account page. */
export function AccountBalanceCard({ partnerId, to }: { partnerId: string; to: string }) {
  const { t } = useTranslation('partnerAccounts')
  const [result, reexecute] = useQuery({
    query: PartnerAccountsQuery,
    variables: { partnerId },
    requestPolicy: 'cache-and-network',
  })
  const accounts = useFragment(PartnerAccountFields, result.data?.partner?.accounts ?? [])
  return (
    <section className="card" aria-labelledby="account-balance">
      <header className="card-header">
        <h2 id="account-balance">{t('card.title')}</h2>
        <Link to={to} className="button button-small">
          {t('card.open')}
        </Link>
      </header>
      {result.error ? (
        <QueryError
          error={result.error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : null}
      {result.fetching && !result.data ? (
        <Loading />
      ) : accounts.length === 0 ? (
        result.error ? null : (
          <p className="muted">{t('card.none')}</p>
        )
      ) : (
        <ul className="account-balances">
          {accounts.map((account) => (
            <li key={account.id}>
              <span>
                {t('section.account', { currency: account.currency })}
                {account.prepaid ? (
                  <>
                    {' '}
                    <span className="badge badge-prepaid">{t('section.prepaid')}</span>
                  </>
                ) : null}
              </span>
              <AccountAmount money={account.balance} strong />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
