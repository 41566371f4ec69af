import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { DateField } from '../../../components/date-field'
import { SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { PaymentMethod } from '../../../gql/graphql'
import { isDecimal, normalizeDecimal } from '../../../lib/decimal'
import { formatAmount, todayIso, type MoneyLike } from '../../../lib/money'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { RecordRefundMutation } from '../api/billing'
import { MethodAndReference } from './method-and-reference'
import { compareDecimals } from '../utils/allocation'

/** Pays credit back to the customer; like a payment, once per opened dialog (idempotency key). */
export function RefundDialog({
  customer,
  credit,
  onCancel,
  onRecorded,
}: {
  customer: { id: string; name: string }
  /** The customer's credit per currency: a refund comes out of it. */
  credit: readonly MoneyLike[]
  onCancel: () => void
  onRecorded: (refund: { id: string; number: string }, replayed: boolean) => void
}) {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const [idempotencyKey] = useState(() => crypto.randomUUID())
  const [currency, setCurrency] = useState(credit[0]?.currency ?? '')
  const available = credit.find((c) => c.currency === currency)
  const [amount, setAmount] = useState(available?.amount ?? '')
  const [refundedOn, setRefundedOn] = useState(todayIso())
  const [method, setMethod] = useState<PaymentMethod>('BANK_TRANSFER')
  const [reference, setReference] = useState('')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [result, refund] = useMutation(RecordRefundMutation)
  const mapped = mapUserErrors(errors, ['amount', 'currency', 'refundedOn', 'method', 'reference'])

  const submit = async () => {
    if (!isDecimal(amount) || compareDecimals(amount, '0') <= 0) {
      setErrors([
        { field: ['input', 'amount'], code: 'INVALID_VALUE', message: t('payment.amountInvalid') },
      ])
      return
    }
    const payload = (
      await refund({
        input: {
          idempotencyKey,
          customerId: customer.id,
          amount: normalizeDecimal(amount),
          currency,
          refundedOn,
          method,
          reference: reference.trim() || null,
        },
      })
    ).data?.recordRefund
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.payment && payload.userErrors.length === 0)
      onRecorded(payload.payment, payload.replayed)
  }

  return (
    <section className="card" role="dialog" aria-labelledby="refund-title">
      <h3 id="refund-title">{t('refund.title', { customer: customer.name })}</h3>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('refund.problems')} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <div className="form-grid">
          <SelectField
            label={t('payment.currency')}
            value={currency}
            onChange={(value) => {
              if (!value) return
              setCurrency(value)
              setAmount(credit.find((c) => c.currency === value)?.amount ?? '')
            }}
            options={credit.map((c) => ({
              value: c.currency,
              label: `${c.currency} (${formatAmount(c, lang)})`,
            }))}
            errors={mapped.byField.currency}
          />
          <TextField
            label={t('payment.amount')}
            value={amount}
            onChange={setAmount}
            required
            errors={mapped.byField.amount}
          />
          <DateField
            label={t('refund.refundedOn')}
            value={refundedOn}
            onChange={setRefundedOn}
            required
            errors={mapped.byField.refundedOn}
          />
          <MethodAndReference
            method={method}
            onMethod={setMethod}
            reference={reference}
            onReference={setReference}
            errors={mapped.byField}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={result.fetching}>
            {t('refund.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
