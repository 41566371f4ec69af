import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery, type CombinedError } from 'urql'
import { DateField } from '../../../components/date-field'
import { SelectField, TextField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { PartnerAccountFieldsFragment } from '../../../gql/graphql'
import { formatDate } from '../../../lib/format'
import { FORM_CURRENCIES, todayIso } from '../../../lib/money'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  AdjustPartnerAccountMutation,
  CreditPartnerRebateMutation,
  OpenPartnerAccountMutation,
  PartnerRebateAgreementsQuery,
  RecordPartnerPaymentMutation,
  UpdatePartnerAccountMutation,
} from '../api/accounts'
import {
  adjustmentAmountProblem,
  creditLimitProblem,
  paymentAmountProblem,
  toDecimal,
  type AmountProblem,
} from '../utils/account-form'
import { finishedYears } from '../utils/period'

type Account = PartnerAccountFieldsFragment

/** What a form of the account answers: its errors to show, or nothing when it was saved. */
type Payload = { userErrors: readonly UserErrorLike[] } | null | undefined

/** The frame every account form shares: a title, the request's and the API's errors, the buttons. */
function AccountForm({
  title,
  submitLabel,
  busy,
  error,
  general,
  onSubmit,
  onCancel,
  children,
}: {
  title: string
  submitLabel: string
  busy: boolean
  error: CombinedError | undefined
  general: readonly UserErrorLike[]
  onSubmit: () => Promise<void>
  onCancel: () => void
  children: ReactNode
}) {
  const { t } = useTranslation('partnerAccounts')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void onSubmit()
  }
  return (
    <form className="form account-form" noValidate aria-label={title} onSubmit={submit}>
      <h4>{title}</h4>
      {error ? <QueryError error={error} /> : null}
      <FormErrors errors={general} title={t('form.failed')} />
      {children}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  )
}

/** The API's errors of a form, and the form's own check of an amount shaped like one. */
function useFormErrors(fields: readonly string[]) {
  const { t } = useTranslation('partnerAccounts')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, fields)
  const at = (field: string, problem?: AmountProblem | null): UserErrorLike[] => [
    ...(problem
      ? [
          {
            code: problem === 'required' ? 'REQUIRED' : 'INVALID_VALUE',
            message: t(`form.problem.${problem}`),
          } as const,
        ]
      : []),
    ...(mapped.byField[field] ?? []),
  ]
  /** Shows the answer's errors; true when it saved. */
  const took = (payload: Payload) => {
    if (!payload) return false
    setErrors(payload.userErrors)
    return payload.userErrors.length === 0
  }
  return { general: mapped.general, at, took }
}

function PrepaidBox({ value, onChange }: { value: boolean; onChange: (value: boolean) => void }) {
  const { t } = useTranslation('partnerAccounts')
  return (
    <label className="checkbox">
      <input type="checkbox" checked={value} onChange={(event) => onChange(event.target.checked)} />
      {t('form.prepaid')}
    </label>
  )
}

/** Opens the partner's account in a currency it has none in. */
export function OpenAccountForm({
  partnerId,
  taken,
  onDone,
  onCancel,
}: {
  partnerId: string
  /** Currencies the partner has an account in already. */
  taken: readonly string[]
  onDone: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation('partnerAccounts')
  const currencies = FORM_CURRENCIES.filter((code) => !taken.includes(code))
  const [currency, setCurrency] = useState<string>(currencies[0] ?? 'EUR')
  const [prepaid, setPrepaid] = useState(true)
  const [limit, setLimit] = useState('')
  const [checked, setChecked] = useState(false)
  const [opened, open] = useMutation(OpenPartnerAccountMutation)
  const errors = useFormErrors(['currency', 'prepaid', 'creditLimit'])
  const limitProblem = creditLimitProblem(limit)
  return (
    <AccountForm
      title={t('form.openTitle')}
      submitLabel={t('form.open')}
      busy={opened.fetching}
      error={opened.error}
      general={errors.general}
      onCancel={onCancel}
      onSubmit={async () => {
        setChecked(true)
        if (limitProblem) return
        const result = await open({
          input: {
            partnerId,
            currency,
            prepaid,
            creditLimit: limit.trim() ? toDecimal(limit) : null,
          },
        })
        if (errors.took(result.data?.openPartnerAccount)) onDone()
      }}
    >
      <div className="form-grid">
        <SelectField
          label={t('form.currency')}
          required
          value={currency}
          onChange={(value) => value && setCurrency(value)}
          options={currencies.map((code) => ({ value: code, label: code }))}
          errors={errors.at('currency')}
        />
        <TextField
          label={t('form.creditLimit', { currency })}
          hint={t('form.creditLimitHint')}
          value={limit}
          onChange={setLimit}
          errors={errors.at('creditLimit', checked ? limitProblem : null)}
        />
      </div>
      <PrepaidBox value={prepaid} onChange={setPrepaid} />
    </AccountForm>
  )
}

/** Whether the account is prepaid and its credit limit, sent with the version that was read. */
export function EditAccountForm({
  account,
  onDone,
  onStale,
  onCancel,
}: {
  account: Account
  onDone: () => void
  /** Someone changed the account meanwhile: fetch it again, the form stays open. */
  onStale: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation('partnerAccounts')
  const [prepaid, setPrepaid] = useState(account.prepaid)
  const [limit, setLimit] = useState(account.creditLimit.amount)
  const [checked, setChecked] = useState(false)
  const [updated, update] = useMutation(UpdatePartnerAccountMutation)
  const errors = useFormErrors(['prepaid', 'creditLimit'])
  const limitProblem = creditLimitProblem(limit)
  return (
    <AccountForm
      title={t('form.editTitle')}
      submitLabel={t('form.save')}
      busy={updated.fetching}
      error={updated.error}
      general={errors.general}
      onCancel={onCancel}
      onSubmit={async () => {
        setChecked(true)
        if (limitProblem) return
        const payload = (
          await update({
            input: {
              id: account.id,
              expectedVersion: account.version,
              prepaid,
              creditLimit: toDecimal(limit) || '0',
            },
          })
        ).data?.updatePartnerAccount
        if (errors.took(payload)) onDone()
        else if (payload?.userErrors.some((error) => error.code === 'STALE_VERSION')) onStale()
      }}
    >
      <PrepaidBox value={prepaid} onChange={setPrepaid} />
      <TextField
        label={t('form.creditLimit', { currency: account.currency })}
        hint={t('form.creditLimitHint')}
        value={limit}
        onChange={setLimit}
        errors={errors.at('creditLimit', checked ? limitProblem : null)}
      />
    </AccountForm>
  )
}

/** Money received from the partner: amount, the day it came in and the bank's reference. */
export function PaymentForm({
  account,
  onDone,
  onCancel,
}: {
  account: Account
  onDone: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation('partnerAccounts')
  const [amount, setAmount] = useState('')
  const [receivedOn, setReceivedOn] = useState(todayIso)
  const [reference, setReference] = useState('')
  const [checked, setChecked] = useState(false)
  const [recorded, record] = useMutation(RecordPartnerPaymentMutation)
  const errors = useFormErrors(['amount', 'receivedOn', 'reference'])
  const amountProblem = paymentAmountProblem(amount)
  const missing = (value: string) =>
    checked && !value.trim() ? [{ code: 'REQUIRED' as const, message: t('form.required') }] : []
  return (
    <AccountForm
      title={t('form.paymentTitle')}
      submitLabel={t('form.record')}
      busy={recorded.fetching}
      error={recorded.error}
      general={errors.general}
      onCancel={onCancel}
      onSubmit={async () => {
        setChecked(true)
        if (amountProblem || !receivedOn || !reference.trim()) return
        const result = await record({
          input: {
            accountId: account.id,
            amount: toDecimal(amount),
            receivedOn,
            reference: reference.trim(),
          },
        })
        if (errors.took(result.data?.recordPartnerPayment)) onDone()
      }}
    >
      <div className="form-grid">
        <TextField
          label={t('form.amount', { currency: account.currency })}
          required
          value={amount}
          onChange={setAmount}
          errors={errors.at('amount', checked ? amountProblem : null)}
        />
        <DateField
          label={t('form.receivedOn')}
          required
          value={receivedOn}
          // a payment is recorded once received
          max={todayIso()}
          onChange={setReceivedOn}
          errors={[...missing(receivedOn), ...errors.at('receivedOn')]}
        />
        <TextField
          label={t('form.reference')}
          hint={t('form.referenceHint')}
          required
          maxLength={200}
          value={reference}
          onChange={setReference}
          errors={[...missing(reference), ...errors.at('reference')]}
        />
      </div>
    </AccountForm>
  )
}

/** A correction with a reason, in the partner's favour or against it. */
export function AdjustmentForm({
  account,
  onDone,
  onCancel,
}: {
  account: Account
  onDone: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation('partnerAccounts')
  const [amount, setAmount] = useState('')
  const [bookedOn, setBookedOn] = useState(todayIso)
  const [reason, setReason] = useState('')
  const [checked, setChecked] = useState(false)
  const [adjusted, adjust] = useMutation(AdjustPartnerAccountMutation)
  const errors = useFormErrors(['amount', 'bookedOn', 'reason'])
  const amountProblem = adjustmentAmountProblem(amount)
  const missing = (value: string) =>
    checked && !value.trim() ? [{ code: 'REQUIRED' as const, message: t('form.required') }] : []
  return (
    <AccountForm
      title={t('form.adjustTitle')}
      submitLabel={t('form.adjust')}
      busy={adjusted.fetching}
      error={adjusted.error}
      general={errors.general}
      onCancel={onCancel}
      onSubmit={async () => {
        setChecked(true)
        if (amountProblem || !bookedOn || !reason.trim()) return
        const result = await adjust({
          input: {
            accountId: account.id,
            amount: toDecimal(amount),
            bookedOn,
            reason: reason.trim(),
          },
        })
        if (errors.took(result.data?.adjustPartnerAccount)) onDone()
      }}
    >
      <div className="form-grid">
        <TextField
          label={t('form.amount', { currency: account.currency })}
          hint={t('form.adjustmentHint')}
          required
          value={amount}
          onChange={setAmount}
          errors={errors.at('amount', checked ? amountProblem : null)}
        />
        <DateField
          label={t('form.bookedOn')}
          required
          value={bookedOn}
          onChange={setBookedOn}
          errors={[...missing(bookedOn), ...errors.at('bookedOn')]}
        />
      </div>
      <TextField
        label={t('form.reason')}
        required
        multiline
        maxLength={500}
        value={reason}
        onChange={setReason}
        errors={[...missing(reason), ...errors.at('reason')]}
      />
    </AccountForm>
  )
}

/**
 * The year-end rebate of one of the partner's agreements for a finished year it ran in; the API
 * counts the volume and credits the account in the agreement's currency.
 */
export function RebateForm({
  partnerId,
  onDone,
  onCancel,
}: {
  partnerId: string
  onDone: () => void
  onCancel: () => void
}) {
  const { t, i18n } = useTranslation('partnerAccounts')
  const lang = i18n.language
  const [agreementsResult] = useQuery({
    query: PartnerRebateAgreementsQuery,
    variables: { partnerId },
  })
  const agreements = (agreementsResult.data?.partner?.agreements ?? [])
    .map((agreement) => ({ ...agreement, years: finishedYears(agreement) }))
    .filter((agreement) => agreement.years.length > 0)
  const [agreementId, setAgreementId] = useState('')
  const [year, setYear] = useState('')
  const [checked, setChecked] = useState(false)
  const [credited, credit] = useMutation(CreditPartnerRebateMutation)
  const errors = useFormErrors(['agreementId', 'year'])
  const chosen = agreements.find((agreement) => agreement.id === agreementId)
  const years = chosen?.years ?? []
  const shownYear = years.map(String).includes(year) ? year : (years[0]?.toString() ?? '')
  const missing = (value: string) =>
    checked && !value ? [{ code: 'REQUIRED' as const, message: t('form.required') }] : []
  if (agreementsResult.fetching && !agreementsResult.data) return <Loading />
  return (
    <AccountForm
      title={t('form.rebateTitle')}
      submitLabel={t('form.credit')}
      busy={credited.fetching}
      error={credited.error ?? agreementsResult.error}
      general={errors.general}
      onCancel={onCancel}
      onSubmit={async () => {
        setChecked(true)
        if (!agreementId || !shownYear) return
        const result = await credit({ input: { agreementId, year: Number(shownYear) } })
        if (errors.took(result.data?.creditPartnerRebate)) onDone()
      }}
    >
      {agreements.length === 0 ? (
        <p className="muted">{t('form.noFinishedYear')}</p>
      ) : (
        <div className="form-grid">
          <SelectField
            label={t('form.agreement')}
            required
            value={agreementId}
            onChange={setAgreementId}
            emptyLabel={t('form.chooseAgreement')}
            options={agreements.map((agreement) => ({
              value: agreement.id,
              label: agreement.endsOn
                ? t('form.agreementPeriodEnded', {
                    currency: agreement.currency,
                    from: formatDate(agreement.startsOn, lang),
                    to: formatDate(agreement.endsOn, lang),
                  })
                : t('form.agreementPeriod', {
                    currency: agreement.currency,
                    from: formatDate(agreement.startsOn, lang),
                  }),
            }))}
            errors={[...missing(agreementId), ...errors.at('agreementId')]}
          />
          <SelectField
            label={t('form.year')}
            required
            value={shownYear}
            onChange={setYear}
            options={years.map((option) => ({ value: String(option), label: String(option) }))}
            errors={errors.at('year')}
          />
        </div>
      )}
    </AccountForm>
  )
}
