import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useMutation } from 'urql'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { RenewalRowFieldsFragment } from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { formatDate } from '../../../lib/format'
import type { UserErrorLike } from '../../../lib/user-errors'
import { CreateRenewalOrderMutation, ExpiringLicensesQuery as ExpiringQuery } from '../api/licenses'
import { daysUntil, groupByEndDate, toggleRenewal } from '../utils/renewals'
import { LicenseStatusBadge } from './status-badge'
import { graphql, useFragment } from '../../../gql'
import '../licenses.css'
import { LoadMore } from '../../../components/load-more'

const RenewalRowFields = graphql(`
  fragment RenewalRowFields on License {
    id
    serial
    name
    seats
    status
    endsOn
    customer {
      id
      name
    }
    product {
      id
      code
    }
  }
`)

type Expiring = RenewalRowFieldsFragment

const WINDOWS = [30, 60, 90] as const

function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * /renewals: licenses ending within 30, 60 or 90 days (or ended lately without renewal), by end
 * date; licenses of one customer are chosen and renewed with one order.
 */
export function RenewalsPage() {
  const { t, i18n } = useTranslation('licenses')
  const lang = i18n.language
  const navigate = useNavigate()
  const [withinDays, setWithinDays] = useState<number>(30)
  const [selected, setSelected] = useState<Expiring[]>([])
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [result, createRenewal] = useMutation(CreateRenewalOrderMutation)
  const pages = useConnectionPages(
    ExpiringQuery,
    { withinDays, first: 50 },
    (data) => data.expiringLicenses,
  )
  const licenses = useFragment(RenewalRowFields, pages.rows)
  const groups = groupByEndDate(licenses)
  const now = today()

  const submit = async () => {
    setErrors([])
    const payload = (await createRenewal({ input: { licenseIds: selected.map((l) => l.id) } })).data
      ?.createRenewalOrder
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.order && payload.userErrors.length === 0) {
      navigate(`/orders/${encodeURIComponent(payload.order.id)}`)
    }
  }

  return (
    <section className="page" aria-labelledby="renewals-title">
      <header className="page-header">
        <div>
          <h1 id="renewals-title">{t('renewals.title')}</h1>
          <p className="page-subtitle">{t('renewals.subtitle')}</p>
        </div>
      </header>
      <div className="renewal-bar">
        <div role="radiogroup" aria-label={t('renewals.window')} className="quick-choices">
          {WINDOWS.map((days) => (
            <label key={days} className="checkbox">
              <input
                type="radio"
                name="renewal-window"
                checked={withinDays === days}
                onChange={() => {
                  setWithinDays(days)
                  setSelected([])
                }}
              />
              {t('renewals.days', { count: days })}
            </label>
          ))}
        </div>
        <button
          type="button"
          className="button button-primary"
          disabled={selected.length === 0 || result.fetching}
          onClick={() => void submit()}
        >
          {selected.length > 0
            ? t('renewals.createFor', {
                count: selected.length,
                customer: selected[0]!.customer.name,
              })
            : t('renewals.create')}
        </button>
      </div>
      <p className="muted">{t('renewals.oneCustomer')}</p>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={errors} title={t('renewals.problems')} />
      {pages.error ? <QueryError error={pages.error} onRetry={pages.reload} /> : null}
      {pages.fetching && pages.rows.length === 0 ? (
        <Loading />
      ) : pages.rows.length === 0 ? (
        <EmptyState title={t('renewals.none')} />
      ) : (
        <div className="card">
          {groups.map((group) => {
            const days = group.endsOn ? daysUntil(group.endsOn, now) : 0
            return (
              <section
                key={group.endsOn}
                className="renewal-group"
                aria-label={formatDate(group.endsOn, lang)}
              >
                <h3>
                  {formatDate(group.endsOn, lang)} ·{' '}
                  {days >= 0
                    ? t('renewals.inDays', { count: days })
                    : t('renewals.endedDaysAgo', { count: -days })}
                </h3>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('renewals.select')}</th>
                      <th scope="col">{t('field.serial')}</th>
                      <th scope="col">{t('field.name')}</th>
                      <th scope="col">{t('field.customer')}</th>
                      <th scope="col" className="number">
                        {t('field.seats')}
                      </th>
                      <th scope="col">{t('field.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.licenses.map((license) => (
                      <tr key={license.id}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={t('renewals.selectLicense', { serial: license.serial })}
                            checked={selected.some((l) => l.id === license.id)}
                            onChange={(event) =>
                              setSelected((current) =>
                                toggleRenewal(current, license, event.target.checked),
                              )
                            }
                          />
                        </td>
                        <th scope="row">
                          <Link to={`/licenses/${encodeURIComponent(license.id)}`}>
                            <code className="serial">{license.serial}</code>
                          </Link>
                        </th>
                        <td>{license.name}</td>
                        <td>
                          <Link to={`/customers/${encodeURIComponent(license.customer.id)}`}>
                            {license.customer.name}
                          </Link>
                        </td>
                        <td className="number">{license.seats}</td>
                        <td>
                          <LicenseStatusBadge status={license.status} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )
          })}
          <LoadMore pages={pages} label={t('list.loadMore')} busyLabel={t('list.loadingMore')} />
        </div>
      )}
    </section>
  )
}
