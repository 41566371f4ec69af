import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { Loading, QueryError } from '../../../components/status'
import { PartnerAgreementCurrenciesQuery, PartnerPerformanceQuery } from '../api/performance'
import { periodOf } from '../utils/period'
import { RebateProgressList } from './rebate-progress'
import '../performance.css'

/**
 * A partner's rebate this year against its bands, for its dashboard: counted in the currency of
 * its latest agreement (none: it earns no rebate).
 */
export function OwnRebateCard({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('performance')
  const [agreements] = useQuery({
    query: PartnerAgreementCurrenciesQuery,
    variables: { partnerId },
  })
  const currency = agreements.data?.partner?.agreements[0]?.currency ?? null
  const year = periodOf('thisYear')
  const [result, reexecute] = useQuery({
    query: PartnerPerformanceQuery,
    variables: { from: year.from, to: year.to, currency: currency ?? '', partnerId },
    pause: !currency,
  })
  const error = agreements.error ?? result.error
  return (
    <section className="card" aria-labelledby="own-rebate">
      <header className="card-header">
        <h2 id="own-rebate">{t('rebate.title')}</h2>
        <Link to="/portal/performance" className="button button-small">
          {t('nav.performance')}
        </Link>
      </header>
      {error ? <QueryError error={error} onRetry={() => reexecute()} /> : null}
      {agreements.fetching || (currency && result.fetching && !result.data) ? (
        <Loading />
      ) : !currency ? (
        <p className="muted">{t('rebate.noAgreement')}</p>
      ) : (
        <RebateProgressList
          rows={(result.data?.partnerPerformance.byPartner ?? []).filter(
            (row) => row.partner?.id === partnerId,
          )}
          showPartner={false}
        />
      )}
    </section>
  )
}
