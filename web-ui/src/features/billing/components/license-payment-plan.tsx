import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { SelectField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { formatDate } from '../../../lib/format'
import { useCan } from '../../../lib/permissions'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  BindLicenseToPaymentPlanMutation,
  CustomerPlansQuery,
  LicensePaymentPlanQuery,
} from '../api/billing'

/**
 * The license page's payment plan: the plan that extends a time-limited license and the date it
 * is paid until, or "Bind to payment plan" (PAYMENT_PLAN UPDATE) for a time-limited one.
 */
export function LicensePaymentPlan({ licenseId }: { licenseId: string }) {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const can = useCan()
  const [query, reexecute] = useQuery({
    query: LicensePaymentPlanQuery,
    variables: { id: licenseId },
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const [binding, setBinding] = useState(false)
  const license = query.data?.license
  if (query.fetching && !license) return <Loading />
  if (query.error && !license) return <QueryError error={query.error} onRetry={reload} />
  // only time-limited licenses are extended as payments arrive
  if (!license || (license.licenseModel !== 'TIME_LIMITED' && !license.paymentPlan)) return null
  const plan = license.paymentPlan
  const document = plan?.order ?? plan?.contract
  return (
    <section className="card" aria-labelledby="license-plan-title">
      <header className="card-header">
        <h2 id="license-plan-title">{t('license.title')}</h2>
        {!plan && !binding && can('UPDATE', 'PAYMENT_PLAN') ? (
          <button type="button" className="button" onClick={() => setBinding(true)}>
            {t('license.bind')}
          </button>
        ) : null}
      </header>
      {plan ? (
        <DetailList>
          <Detail label={t('license.plan')}>
            {plan.order ? (
              <Link to={`/orders/${encodeURIComponent(plan.order.id)}`}>
                {t('license.planOf', { version: plan.planVersion, document: plan.order.number })}
              </Link>
            ) : (
              t('license.planOf', { version: plan.planVersion, document: document?.number ?? '' })
            )}
          </Detail>
          <Detail label={t('license.paidUntil')}>
            {license.paidUntil ? formatDate(license.paidUntil, lang) : '—'}
          </Detail>
        </DetailList>
      ) : binding ? (
        <BindForm
          licenseId={license.id}
          customerId={license.customer.id}
          onCancel={() => setBinding(false)}
          onBound={() => {
            setBinding(false)
            reload()
          }}
        />
      ) : (
        <p className="muted">{t('license.none')}</p>
      )}
    </section>
  )
}

function BindForm({
  licenseId,
  customerId,
  onCancel,
  onBound,
}: {
  licenseId: string
  customerId: string
  onCancel: () => void
  onBound: () => void
}) {
  const { t } = useTranslation('billing')
  const [query] = useQuery({ query: CustomerPlansQuery, variables: { customerId } })
  const [result, bind] = useMutation(BindLicenseToPaymentPlanMutation)
  const [planId, setPlanId] = useState('')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, ['paymentPlanId'])
  const plans = [
    ...(query.data?.orders.edges ?? []).map((edge) => edge.node),
    ...(query.data?.contracts.edges ?? []).map((edge) => edge.node),
  ].flatMap((document) =>
    document.paymentPlan
      ? [
          {
            value: document.paymentPlan.id,
            label: t('license.planOf', {
              version: document.paymentPlan.planVersion,
              document: document.number,
            }),
          },
        ]
      : [],
  )
  const submit = async () => {
    if (!planId) {
      setErrors([{ field: ['input', 'paymentPlanId'], code: 'REQUIRED', message: '' }])
      return
    }
    const payload = (await bind({ input: { licenseId, paymentPlanId: planId } })).data
      ?.bindLicenseToPaymentPlan
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.license && payload.userErrors.length === 0) onBound()
  }
  if (query.fetching && !query.data) return <Loading />
  if (query.error) return <QueryError error={query.error} />
  if (plans.length === 0) return <p className="muted">{t('license.noPlans')}</p>
  return (
    <form
      noValidate
      role="dialog"
      aria-label={t('license.bind')}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('license.problems')} />
      <SelectField
        label={t('license.choosePlan')}
        value={planId}
        onChange={setPlanId}
        emptyLabel="—"
        options={plans}
        required
        errors={mapped.byField.paymentPlanId}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={result.fetching}>
          {t('license.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel', { ns: 'translation' })}
        </button>
      </div>
    </form>
  )
}
