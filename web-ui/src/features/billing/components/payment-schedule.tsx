import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { TextField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment } from '../../../gql'
import type { PaymentPlanFieldsFragment } from '../../../gql/graphql'
import { formatDate, formatDateTime } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { useCan } from '../../../lib/permissions'
import type { UserErrorLike } from '../../../lib/user-errors'
import {
  ContractScheduleQuery,
  CreatePaymentPlanMutation,
  InvoicePlannedPaymentMutation,
  OrderScheduleQuery,
  PaymentPlanQuery,
  RenegotiatePaymentPlanMutation,
  WriteOffPlannedPaymentMutation,
} from '../api/billing'
import { compareDecimals } from '../utils/allocation'
import type { TermsTarget } from '../utils/terms'
import { RecordPaymentDialog } from './record-payment-dialog'
import { PlannedPaymentBadge } from './status-badge'
import { TermsForm, type TermsSubmission } from './terms-form'
import { TriggerText } from './trigger-text'
import { useBillingLive } from './use-billing-live'
import '../billing.css'

const PaymentPlanFields = graphql(`
  fragment PaymentPlanFields on PaymentPlan {
    id
    planVersion
    status
    currency
    version
    createdAt
    createdBy {
      id
      name
    }
    total {
      amount
      currency
    }
    paid {
      amount
      currency
    }
    open {
      amount
      currency
    }
    previousVersion {
      id
      planVersion
    }
    nextVersion {
      id
      planVersion
    }
    plannedPayments {
      id
      position
      label
      dueOn
      status
      daysOverdue
      writeOffReason
      amount {
        amount
        currency
      }
      paid {
        amount
        currency
      }
      open {
        amount
        currency
      }
      invoice {
        id
        number
      }
      trigger {
        event
        offsetDays
        occurredOn
        stage {
          id
          position
          name
        }
      }
    }
  }
`)

const REFRESH = { additionalTypenames: ['PaymentPlan', 'PlannedPayment', 'Payment', 'Invoice'] }

type Mode =
  | { kind: 'view' }
  | { kind: 'create' }
  | { kind: 'renegotiate' }
  | { kind: 'writeOff'; plannedPaymentId: string; label: string }
  | { kind: 'record'; plannedPaymentId?: string }

/**
 * The payment schedule of a contract or an order: the active plan's planned payments (what is
 * due when, paid, open, overdue, invoiced), its earlier versions, and — as the user may — make a
 * plan, renegotiate it, write off, invoice a due planned payment and record a payment. Loads its
 * own data and follows the customer's payments live.
 */
export function PaymentSchedule({
  contractId,
  orderId,
}: {
  contractId?: string
  orderId?: string
}) {
  const { t } = useTranslation('billing')
  const can = useCan()
  const [orderQuery, reexecuteOrder] = useQuery({
    query: OrderScheduleQuery,
    variables: { id: orderId ?? '' },
    pause: !orderId,
    context: REFRESH,
  })
  const [contractQuery, reexecuteContract] = useQuery({
    query: ContractScheduleQuery,
    variables: { id: contractId ?? '' },
    pause: !contractId,
    context: REFRESH,
  })
  const query = orderId ? orderQuery : contractQuery
  const owner = orderId ? orderQuery.data?.order : contractQuery.data?.contract
  const stages = contractQuery.data?.contract?.stages ?? []
  const reload = () =>
    orderId
      ? reexecuteOrder({ requestPolicy: 'network-only' })
      : reexecuteContract({ requestPolicy: 'network-only' })
  useBillingLive(owner?.customer.id, reload)
  const [mode, setMode] = useState<Mode>({ kind: 'view' })
  const [viewing, setViewing] = useState<string | null>(null)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const [created, create] = useMutation(CreatePaymentPlanMutation)
  const [renegotiated, renegotiate] = useMutation(RenegotiatePaymentPlanMutation)
  const plan = useFragment(PaymentPlanFields, owner?.paymentPlan)

  if (query.fetching && !owner) return <Loading />
  if (query.error && !owner) return <QueryError error={query.error} onRetry={reload} />
  if (!owner) return null

  const target: TermsTarget = contractId ? { kind: 'contract', stages } : { kind: 'order' }
  const close = () => {
    setMode({ kind: 'view' })
    setErrors([])
  }
  const submitTerms = async ({ terms, total, reason }: TermsSubmission) => {
    const payload =
      mode.kind === 'renegotiate' && plan
        ? (
            await renegotiate({
              input: {
                id: plan.id,
                expectedVersion: plan.version,
                terms,
                total,
                reason: reason || null,
              },
            })
          ).data?.renegotiatePaymentPlan
        : (
            await create({
              input: { contractId: contractId ?? null, orderId: orderId ?? null, terms, total },
            })
          ).data?.createPaymentPlan
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.paymentPlan && payload.userErrors.length === 0) {
      close()
      reload()
    }
  }

  return (
    <section className="card" aria-labelledby="payment-schedule-title">
      <header className="card-header">
        <h2 id="payment-schedule-title">{t('schedule.title')}</h2>
        {mode.kind === 'view' ? (
          <div className="page-actions">
            {!plan && can('CREATE', 'PAYMENT_PLAN') ? (
              <button type="button" className="button" onClick={() => setMode({ kind: 'create' })}>
                {t('schedule.create')}
              </button>
            ) : null}
            {plan && can('UPDATE', 'PAYMENT_PLAN') ? (
              <button
                type="button"
                className="button"
                onClick={() => setMode({ kind: 'renegotiate' })}
              >
                {t('schedule.renegotiate')}
              </button>
            ) : null}
            {can('CREATE', 'PAYMENT') ? (
              <button type="button" className="button" onClick={() => setMode({ kind: 'record' })}>
                {t('payment.record')}
              </button>
            ) : null}
          </div>
        ) : null}
      </header>
      {notice ? (
        <p role="status" className="alert alert-info">
          {notice}
        </p>
      ) : null}
      {created.error ? <QueryError error={created.error} /> : null}
      {renegotiated.error ? <QueryError error={renegotiated.error} /> : null}
      {mode.kind === 'create' || mode.kind === 'renegotiate' ? (
        <TermsForm
          target={target}
          stages={stages}
          title={t(mode.kind === 'create' ? 'schedule.createTitle' : 'schedule.renegotiateTitle')}
          submitLabel={t(mode.kind === 'create' ? 'schedule.create' : 'schedule.renegotiate')}
          askReason={mode.kind === 'renegotiate'}
          busy={created.fetching || renegotiated.fetching}
          errors={errors}
          onSubmit={(submission) => void submitTerms(submission)}
          onCancel={close}
        />
      ) : null}
      {mode.kind === 'writeOff' && plan ? (
        <WriteOffDialog
          plannedPaymentId={mode.plannedPaymentId}
          label={mode.label}
          planVersion={plan.version}
          onCancel={close}
          onDone={() => {
            close()
            reload()
          }}
        />
      ) : null}
      {mode.kind === 'record' ? (
        <RecordPaymentDialog
          customer={owner.customer}
          currency={plan?.currency ?? owner.currency}
          focus={mode.plannedPaymentId ? { plannedPaymentId: mode.plannedPaymentId } : undefined}
          onCancel={close}
          onRecorded={(payment, replayed) => {
            close()
            setNotice(
              t(replayed ? 'payment.replayed' : 'payment.recorded', { number: payment.number }),
            )
            reload()
          }}
        />
      ) : null}
      {viewing ? (
        <PlanVersion id={viewing} onClose={() => setViewing(null)} onOpen={setViewing} />
      ) : plan ? (
        <PlanTable
          plan={plan}
          onOpenVersion={setViewing}
          actions={{
            invoice: can('CREATE', 'INVOICE'),
            writeOff: can('UPDATE', 'PAYMENT_PLAN'),
            record: can('CREATE', 'PAYMENT'),
          }}
          onWriteOff={(plannedPaymentId, label) =>
            setMode({ kind: 'writeOff', plannedPaymentId, label })
          }
          onRecord={(plannedPaymentId) => setMode({ kind: 'record', plannedPaymentId })}
          onInvoiced={(number) => {
            setNotice(t('schedule.invoiced', { number }))
            reload()
          }}
        />
      ) : (
        <p className="muted">{t('schedule.none')}</p>
      )}
    </section>
  )
}

/** A version from the history (read only), with links to the versions before and after it. */
function PlanVersion({
  id,
  onClose,
  onOpen,
}: {
  id: string
  onClose: () => void
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation('billing')
  const [query] = useQuery({ query: PaymentPlanQuery, variables: { id } })
  const plan = useFragment(PaymentPlanFields, query.data?.paymentPlan)
  if (query.fetching && !plan) return <Loading />
  if (query.error && !plan) return <QueryError error={query.error} />
  return (
    <div>
      <p>
        <button type="button" className="button button-quiet" onClick={onClose}>
          ← {t('schedule.backToActive')}
        </button>
      </p>
      {plan ? (
        <PlanTable
          plan={plan}
          onOpenVersion={onOpen}
          actions={{ invoice: false, writeOff: false, record: false }}
        />
      ) : null}
    </div>
  )
}

function PlanTable({
  plan,
  actions,
  onOpenVersion,
  onWriteOff,
  onRecord,
  onInvoiced,
}: {
  plan: PaymentPlanFieldsFragment
  actions: { invoice: boolean; writeOff: boolean; record: boolean }
  onOpenVersion: (id: string) => void
  onWriteOff?: (plannedPaymentId: string, label: string) => void
  onRecord?: (plannedPaymentId: string) => void
  onInvoiced?: (number: string) => void
}) {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const [invoicing, invoice] = useMutation(InvoicePlannedPaymentMutation)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const active = plan.status === 'ACTIVE'

  const issueInvoice = async (plannedPaymentId: string) => {
    const payload = (await invoice({ input: { plannedPaymentId } })).data?.invoicePlannedPayment
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.invoice && payload.userErrors.length === 0) onInvoiced?.(payload.invoice.number)
  }

  return (
    <div>
      <p className="page-subtitle">
        <span className={`badge badge-tone-${active ? 'info' : 'muted'}`}>
          {t(`planStatus.${plan.status}`)}
        </span>
        <span>{t('schedule.version', { version: plan.planVersion })}</span>
        <span>·</span>
        <span>
          {t('schedule.totals', {
            total: formatAmount(plan.total, lang),
            paid: formatAmount(plan.paid, lang),
            open: formatAmount(plan.open, lang),
          })}
        </span>
      </p>
      <p className="muted">
        {t('schedule.createdBy', {
          name: plan.createdBy.name,
          at: formatDateTime(plan.createdAt, lang),
        })}
        {plan.previousVersion ? (
          <>
            {' · '}
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => plan.previousVersion && onOpenVersion(plan.previousVersion.id)}
            >
              {t('schedule.showVersion', { version: plan.previousVersion.planVersion })}
            </button>
          </>
        ) : null}
        {!active && plan.nextVersion ? (
          <>
            {' · '}
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => plan.nextVersion && onOpenVersion(plan.nextVersion.id)}
            >
              {t('schedule.showVersion', { version: plan.nextVersion.planVersion })}
            </button>
          </>
        ) : null}
      </p>
      {invoicing.error ? <QueryError error={invoicing.error} /> : null}
      <FormErrors errors={errors} title={t('schedule.problems')} />
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">
            {t('schedule.caption', { version: plan.planVersion })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('field.label')}</th>
              <th scope="col">{t('field.due')}</th>
              <th scope="col" className="num">
                {t('field.amount')}
              </th>
              <th scope="col" className="num">
                {t('field.paid')}
              </th>
              <th scope="col" className="num">
                {t('field.open')}
              </th>
              <th scope="col">{t('field.status')}</th>
              <th scope="col">{t('field.invoice')}</th>
              {active ? <th scope="col">{t('field.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {plan.plannedPayments.map((planned) => {
              const open = compareDecimals(planned.open.amount, '0') > 0
              const canInvoice =
                actions.invoice &&
                open &&
                Boolean(planned.dueOn) &&
                !planned.invoice &&
                planned.status !== 'WRITTEN_OFF'
              return (
                <tr key={planned.id}>
                  <th scope="row">{planned.label}</th>
                  <td className="nowrap">
                    {planned.dueOn ? formatDate(planned.dueOn, lang) : null}
                    {planned.trigger && !planned.dueOn ? (
                      <TriggerText trigger={planned.trigger} />
                    ) : null}
                  </td>
                  <td className="num">{formatAmount(planned.amount, lang)}</td>
                  <td className="num">{formatAmount(planned.paid, lang)}</td>
                  <td className="num">{formatAmount(planned.open, lang)}</td>
                  <td>
                    <PlannedPaymentBadge status={planned.status} />
                    {planned.daysOverdue > 0 ? (
                      <span className="cell-sub nowrap">
                        {t('schedule.overdueFor', { count: planned.daysOverdue })}
                      </span>
                    ) : null}
                    {planned.writeOffReason ? (
                      <span className="cell-sub">{planned.writeOffReason}</span>
                    ) : null}
                  </td>
                  <td className="nowrap">
                    {planned.invoice ? (
                      <Link to={`/invoices/${encodeURIComponent(planned.invoice.id)}`}>
                        {planned.invoice.number}
                      </Link>
                    ) : null}
                  </td>
                  {active ? (
                    <td>
                      <div className="schedule-actions">
                        {canInvoice ? (
                          <button
                            type="button"
                            className="button button-small"
                            disabled={invoicing.fetching}
                            onClick={() => void issueInvoice(planned.id)}
                          >
                            {t('schedule.issueInvoice')}
                          </button>
                        ) : null}
                        {actions.record && open && planned.status !== 'WRITTEN_OFF' ? (
                          <button
                            type="button"
                            className="button button-small"
                            // the row's label is in the name, the short words on the button
                            aria-label={t('payment.recordFor', { label: planned.label })}
                            onClick={() => onRecord?.(planned.id)}
                          >
                            {t('payment.record')}
                          </button>
                        ) : null}
                        {actions.writeOff && open && planned.status !== 'WRITTEN_OFF' ? (
                          <button
                            type="button"
                            className="button button-small button-quiet"
                            onClick={() => onWriteOff?.(planned.id, planned.label)}
                          >
                            {t('schedule.writeOff')}
                          </button>
                        ) : null}
                      </div>
                    </td>
                  ) : null}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function WriteOffDialog({
  plannedPaymentId,
  label,
  planVersion,
  onCancel,
  onDone,
}: {
  plannedPaymentId: string
  label: string
  planVersion: number
  onCancel: () => void
  onDone: () => void
}) {
  const { t } = useTranslation('billing')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [result, writeOff] = useMutation(WriteOffPlannedPaymentMutation)
  const submit = async () => {
    if (!reason.trim()) {
      setErrors([{ field: ['input', 'reason'], code: 'REQUIRED', message: '' }])
      return
    }
    const payload = (
      await writeOff({ input: { plannedPaymentId, expectedVersion: planVersion, reason } })
    ).data?.writeOffPlannedPayment
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.paymentPlan && payload.userErrors.length === 0) onDone()
  }
  const reasonErrors = errors.filter((e) => e.field?.[1] === 'reason')
  return (
    <section className="card" role="dialog" aria-labelledby="write-off-title">
      <h3 id="write-off-title">{t('writeOff.title', { label })}</h3>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={errors.filter((e) => e.field?.[1] !== 'reason')} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <TextField
          label={t('writeOff.reason')}
          value={reason}
          onChange={setReason}
          multiline
          required
          errors={reasonErrors}
          maxLength={2000}
        />
        <div className="form-actions">
          <button type="submit" className="button button-danger" disabled={result.fetching}>
            {t('schedule.writeOff')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
