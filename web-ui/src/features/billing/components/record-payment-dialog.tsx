import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { DateField } from '../../../components/date-field'
import { SelectField, TextField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { FieldErrors, FormErrors } from '../../../components/user-error-list'
import { graphql } from '../../../gql'
import type { AllocationTargetsQuery, PaymentMethod } from '../../../gql/graphql'
import { isDecimal, normalizeDecimal } from '../../../lib/decimal'
import { formatDate } from '../../../lib/format'
import { readFragment } from '../../../lib/read-fragment'
import { FORM_CURRENCIES, formatAmount, todayIso } from '../../../lib/money'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { AllocationTargetsQuery as TargetsQuery, RecordPaymentMutation } from '../api/billing'
import { compareDecimals, summarizeAllocation, type AllocationRow } from '../utils/allocation'
import { MethodAndReference } from './method-and-reference'

const AllocationPlanFields = graphql(`
  fragment AllocationPlanFields on PaymentPlan {
    id
    plannedPayments {
      id
      label
      dueOn
      status
      open {
        amount
        currency
      }
      invoice {
        id
      }
    }
  }
`)

/** An open invoice or planned payment the payment can be put against. */
type Target = AllocationRow & {
  kind: 'invoice' | 'plannedPayment'
  id: string
  name: string
  dueOn: string | null
}

export type Focus = { invoiceId: string } | { plannedPaymentId: string }

const FIELDS = ['amount', 'currency', 'receivedOn', 'method', 'reference', 'exchangeRate']

/**
 * "Record payment" for one customer: amount, currency, date, method, reference; allocated
 * automatically (oldest due first) or by hand over the customer's open invoices and planned
 * payments, what is left staying as credit. The idempotency key is made once for the dialog, so
 * a double click or a retry after a lost answer records the payment once.
 */
export function RecordPaymentDialog({
  customer,
  currency: initialCurrency,
  focus,
  onCancel,
  onRecorded,
}: {
  customer: { id: string; name: string }
  currency: string
  /** Opened from an invoice or a planned payment: allocated to it by hand, for what is open. */
  focus?: Focus
  onCancel: () => void
  onRecorded: (payment: { id: string; number: string }, replayed: boolean) => void
}) {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  // one key per opened dialog: every submit of it is the same payment
  const [idempotencyKey] = useState(() => crypto.randomUUID())
  const [amount, setAmount] = useState('')
  const [currency, setCurrency] = useState(initialCurrency)
  const [receivedOn, setReceivedOn] = useState(todayIso())
  const [method, setMethod] = useState<PaymentMethod>('BANK_TRANSFER')
  const [reference, setReference] = useState('')
  const [exchangeRate, setExchangeRate] = useState('')
  const [byHand, setByHand] = useState(Boolean(focus))
  const [amounts, setAmounts] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [prefilled, setPrefilled] = useState(false)
  const [query] = useQuery({
    query: TargetsQuery,
    variables: { customerId: customer.id },
    requestPolicy: 'network-only',
  })
  const [result, record] = useMutation(RecordPaymentMutation)
  const targets = openTargets(query.data)

  // opened from an invoice or planned payment: pay what is open of it
  if (focus && !prefilled && query.data) {
    const focused = targets.find((target) =>
      'invoiceId' in focus ? target.id === focus.invoiceId : target.id === focus.plannedPaymentId,
    )
    setPrefilled(true)
    if (focused) {
      setAmounts({ [focused.key]: focused.open })
      setCurrency(focused.currency)
      setAmount(focused.open)
    }
  }

  const rows: Target[] = targets.map((target) => ({ ...target, amount: amounts[target.key] ?? '' }))
  const summary = summarizeAllocation(amount, currency, byHand ? rows : [], exchangeRate)
  const mapped = mapUserErrors(errors, [...FIELDS, 'allocations'])
  const currencies = [...new Set([currency, ...FORM_CURRENCIES])]

  const submit = async () => {
    const local: UserErrorLike[] = []
    if (!isDecimal(amount) || compareDecimals(amount, '0') <= 0) {
      local.push({
        field: ['input', 'amount'],
        code: 'INVALID_VALUE',
        message: t('payment.amountInvalid'),
      })
    }
    if (byHand && (summary.overAllocated || summary.invalid.length > 0)) {
      local.push({
        field: ['input', 'allocations'],
        code: 'INVALID_VALUE',
        message: t('payment.overAllocated'),
      })
    }
    if (local.length > 0) {
      setErrors(local)
      return
    }
    const allocations = byHand
      ? rows
          .filter((row) => row.amount.trim() !== '')
          .map((row) => ({
            invoiceId: row.kind === 'invoice' ? row.id : null,
            plannedPaymentId: row.kind === 'plannedPayment' ? row.id : null,
            amount: normalizeDecimal(row.amount),
          }))
      : null
    const payload = (
      await record({
        input: {
          idempotencyKey,
          customerId: customer.id,
          amount: normalizeDecimal(amount),
          currency,
          receivedOn,
          method,
          reference: reference.trim() || null,
          exchangeRate: summary.needsRate && exchangeRate ? normalizeDecimal(exchangeRate) : null,
          allocations,
        },
      })
    ).data?.recordPayment
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.payment && payload.userErrors.length === 0) {
      onRecorded(payload.payment, payload.replayed)
    }
  }

  return (
    <section className="card" role="dialog" aria-labelledby="record-payment-title">
      <h3 id="record-payment-title">{t('payment.recordTitle', { customer: customer.name })}</h3>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('payment.problems')} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <div className="form-grid">
          <TextField
            label={t('payment.amount')}
            value={amount}
            onChange={setAmount}
            required
            errors={mapped.byField.amount}
          />
          <SelectField
            label={t('payment.currency')}
            value={currency}
            onChange={(value) => value && setCurrency(value)}
            options={currencies.map((code) => ({ value: code, label: code }))}
            errors={mapped.byField.currency}
          />
          <DateField
            label={t('payment.receivedOn')}
            value={receivedOn}
            onChange={setReceivedOn}
            required
            errors={mapped.byField.receivedOn}
          />
          <MethodAndReference
            method={method}
            onMethod={setMethod}
            reference={reference}
            onReference={setReference}
            errors={mapped.byField}
          />
        </div>
        <fieldset className="form-section">
          <legend>{t('payment.allocation')}</legend>
          <label className="checkbox">
            <input
              type="radio"
              name={`allocation-${idempotencyKey}`}
              checked={!byHand}
              onChange={() => setByHand(false)}
            />
            {t('payment.automatic')}
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name={`allocation-${idempotencyKey}`}
              checked={byHand}
              onChange={() => setByHand(true)}
            />
            {t('payment.byHand')}
          </label>
          {byHand ? (
            query.fetching && !query.data ? (
              <Loading />
            ) : query.error ? (
              <QueryError error={query.error} />
            ) : rows.length === 0 ? (
              <p className="muted">{t('payment.nothingOpen')}</p>
            ) : (
              <AllocationRows rows={rows} lang={lang} summary={summary} onChange={setAmounts} />
            )
          ) : null}
          <FieldErrors id={`allocations-${idempotencyKey}`} errors={mapped.byField.allocations} />
        </fieldset>
        {summary.needsRate ? (
          <TextField
            label={t('payment.exchangeRate', { currency })}
            hint={t('payment.exchangeRateHint')}
            value={exchangeRate}
            onChange={setExchangeRate}
            required
            errors={mapped.byField.exchangeRate}
          />
        ) : null}
        {byHand ? (
          <p className="allocation-summary" aria-live="polite">
            {summary.overAllocated
              ? t('payment.overAllocated')
              : t('payment.remaining', {
                  allocated: formatAmount({ amount: summary.allocated, currency }, lang),
                  remaining: formatAmount({ amount: summary.remaining, currency }, lang),
                })}
          </p>
        ) : (
          <p className="muted">{t('payment.automaticHint')}</p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={result.fetching}>
            {t('payment.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}

function AllocationRows({
  rows,
  lang,
  summary,
  onChange,
}: {
  rows: readonly Target[]
  lang: string
  summary: ReturnType<typeof summarizeAllocation>
  onChange: (update: (current: Record<string, string>) => Record<string, string>) => void
}) {
  const { t } = useTranslation('billing')
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('payment.target')}</th>
            <th scope="col">{t('field.due')}</th>
            <th scope="col" className="num">
              {t('field.open')}
            </th>
            <th scope="col">{t('payment.allocate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const invalid = summary.invalid.includes(row.key) || summary.overOpen.includes(row.key)
            return (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                <td>{row.dueOn ? formatDate(row.dueOn, lang) : '—'}</td>
                <td className="num">
                  {formatAmount({ amount: row.open, currency: row.currency }, lang)}
                </td>
                <td>
                  <input
                    aria-label={t('payment.allocateTo', { name: row.name, currency: row.currency })}
                    aria-invalid={invalid}
                    inputMode="decimal"
                    value={row.amount}
                    onChange={(event) => {
                      const value = event.target.value
                      onChange((current) => ({ ...current, [row.key]: value }))
                    }}
                  />
                  {summary.overOpen.includes(row.key) ? (
                    <span className="field-errors">{t('payment.moreThanOpen')}</span>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/**
 * The customer's open invoices, and the open planned payments no invoice was issued for (an
 * invoiced one is paid through its invoice), oldest due first.
 */
function openTargets(data: AllocationTargetsQuery | undefined): Target[] {
  const plans = [
    ...(data?.orders.edges ?? []).map((edge) => edge.node.paymentPlan),
    ...(data?.contracts.edges ?? []).map((edge) => edge.node.paymentPlan),
  ]
  const planned = plans.flatMap(
    (plan) => readFragment(AllocationPlanFields, plan)?.plannedPayments ?? [],
  )
  const targets: Target[] = [
    ...(data?.invoices.edges ?? [])
      .map((edge) => edge.node)
      .filter((invoice) => invoice.paymentStatus !== 'PAID')
      .map((invoice) => ({
        key: `invoice:${invoice.id}`,
        kind: 'invoice' as const,
        id: invoice.id,
        name: invoice.number,
        dueOn: invoice.dueOn,
        currency: invoice.open.currency,
        open: invoice.open.amount,
        amount: '',
      })),
    ...planned
      .filter(
        (p) => !p.invoice && p.status !== 'WRITTEN_OFF' && compareDecimals(p.open.amount, '0') > 0,
      )
      .map((p) => ({
        key: `planned:${p.id}`,
        kind: 'plannedPayment' as const,
        id: p.id,
        name: p.label,
        dueOn: p.dueOn ?? null,
        currency: p.open.currency,
        open: p.open.amount,
        amount: '',
      })),
  ]
  return targets.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))
}
