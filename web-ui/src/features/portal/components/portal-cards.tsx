import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { Loading, QueryError } from '../../../components/status'
import { formatDate, formatNumber } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { PortalPipelineQuery, PortalRenewalsQuery } from '../api/portal'
import { summariseByStage } from '../utils/pipeline'

const RENEWAL_WINDOW_DAYS = 60

/** The partner's open deals by stage: how many and their amounts per currency, with the board. */
export function PortalPipelineCard() {
  const { t, i18n } = useTranslation('portal')
  const lang = i18n.language
  const [result, reexecute] = useQuery({ query: PortalPipelineQuery })
  const stages = summariseByStage(result.data?.pipelineReport ?? [])
  return (
    <section className="card" aria-labelledby="portal-pipeline">
      <header className="card-header">
        <h2 id="portal-pipeline">{t('pipeline.title')}</h2>
        <Link to="/pipeline" className="button button-small">
          {t('pipeline.board')}
        </Link>
      </header>
      {result.error ? <QueryError error={result.error} onRetry={() => reexecute()} /> : null}
      {result.fetching && !result.data ? (
        <Loading />
      ) : stages.length === 0 ? (
        <p className="muted">{t('pipeline.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('pipeline.stage')}</th>
              <th scope="col" className="number">
                {t('pipeline.deals')}
              </th>
              <th scope="col" className="number">
                {t('pipeline.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage) => (
              <tr key={stage.id}>
                <th scope="row">{stage.name}</th>
                <td className="number">{formatNumber(stage.count, lang)}</td>
                <td className="number">
                  {stage.amounts.map((sum) => formatAmount(sum, lang)).join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** Licenses of the partner's customers ending within 60 days, soonest first. */
export function PortalRenewalsCard() {
  const { t, i18n } = useTranslation('portal')
  const lang = i18n.language
  const [result, reexecute] = useQuery({
    query: PortalRenewalsQuery,
    variables: { withinDays: RENEWAL_WINDOW_DAYS },
  })
  const licenses = result.data?.expiringLicenses.edges.map((edge) => edge.node) ?? []
  return (
    <section className="card" aria-labelledby="portal-renewals">
      <header className="card-header">
        <h2 id="portal-renewals">{t('renewals.title', { days: RENEWAL_WINDOW_DAYS })}</h2>
        <Link to="/renewals" className="button button-small">
          {t('renewals.all')}
        </Link>
      </header>
      {result.error ? <QueryError error={result.error} onRetry={() => reexecute()} /> : null}
      {result.fetching && !result.data ? (
        <Loading />
      ) : licenses.length === 0 ? (
        <p className="muted">{t('renewals.empty')}</p>
      ) : (
        <ul className="portal-list">
          {licenses.map((license) => (
            <li key={license.id}>
              <Link to={`/licenses/${encodeURIComponent(license.id)}`}>{license.serial}</Link>{' '}
              {license.product.name} ·{' '}
              <Link to={`/customers/${encodeURIComponent(license.customer.id)}`}>
                {license.customer.name}
              </Link>{' '}
              · {t('renewals.ends', { date: formatDate(license.endsOn, lang) })}
            </li>
          ))}
          {result.data?.expiringLicenses.pageInfo.hasNextPage ? (
            <li className="muted">{t('renewals.more')}</li>
          ) : null}
        </ul>
      )}
    </section>
  )
}
