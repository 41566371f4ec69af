import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { DateField } from '../../../components/date-field'
import { SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { PartnerDetailFieldsFragment } from '../../../gql/graphql'
import { formatDate, formatPercent } from '../../../lib/format'
import { FORM_CURRENCIES, formatAmount } from '../../../lib/money'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { CreatePartnerAgreementMutation, UpdatePartnerAgreementMutation } from '../api/partners'
import {
  toCreateAgreementInput,
  toUpdateAgreementInput,
  validateAgreement,
  type AgreementFormValues,
} from '../utils/agreement-form'

type Agreement = PartnerDetailFieldsFragment['agreements'][number]

const NEW_AGREEMENT: AgreementFormValues = {
  startsOn: '',
  endsOn: '',
  currency: 'EUR',
  bands: [],
  note: '',
}

const valuesOf = (agreement: Agreement): AgreementFormValues => ({
  startsOn: agreement.startsOn,
  endsOn: agreement.endsOn ?? '',
  currency: agreement.currency,
  bands: agreement.rebateBands.map((band) => ({
    threshold: band.threshold.amount,
    percent: band.percent,
  })),
  note: agreement.note ?? '',
})

/** A partner's agreements, latest first, with their rebate bands; "New agreement" and "Edit". */
export function AgreementsSection({
  partnerId,
  agreements,
  canEdit,
  onChanged,
}: {
  partnerId: string
  agreements: readonly Agreement[]
  canEdit: boolean
  onChanged: () => void
}) {
  const { t, i18n } = useTranslation('partners')
  const lang = i18n.language
  // 'new', an agreement's id, or nothing open
  const [editing, setEditing] = useState<string | null>(null)
  const done = () => {
    setEditing(null)
    onChanged()
  }
  return (
    <section className="card partner-agreements" aria-labelledby={`agreements-${partnerId}`}>
      <header className="card-header">
        <h2 id={`agreements-${partnerId}`}>{t('agreements.title')}</h2>
        {canEdit && editing === null ? (
          <button type="button" className="button button-small" onClick={() => setEditing('new')}>
            + {t('agreements.new')}
          </button>
        ) : null}
      </header>
      {editing === 'new' ? (
        <AgreementForm
          partnerId={partnerId}
          agreement={null}
          onCancel={() => setEditing(null)}
          onSaved={done}
        />
      ) : null}
      {agreements.length === 0 ? (
        <p className="muted">{t('agreements.none')}</p>
      ) : (
        agreements.map((agreement) =>
          editing === agreement.id ? (
            <AgreementForm
              key={agreement.id}
              partnerId={partnerId}
              agreement={agreement}
              onCancel={() => setEditing(null)}
              onSaved={done}
            />
          ) : (
            <article key={agreement.id} className="agreement">
              <h3>
                {agreement.endsOn
                  ? t('agreements.period', {
                      from: formatDate(agreement.startsOn, lang),
                      to: formatDate(agreement.endsOn, lang),
                    })
                  : t('agreements.openEnded', { from: formatDate(agreement.startsOn, lang) })}{' '}
                <span className="badge">{agreement.currency}</span>
              </h3>
              {agreement.rebateBands.length === 0 ? (
                <p className="muted">{t('agreements.noBands')}</p>
              ) : (
                <ul className="rebate-bands" aria-label={t('agreements.bands')}>
                  {agreement.rebateBands.map((band, index) => (
                    <li key={index}>
                      {t('agreements.band', {
                        percent: formatPercent(band.percent, lang),
                        threshold: formatAmount(band.threshold, lang),
                      })}
                    </li>
                  ))}
                </ul>
              )}
              {agreement.note ? <p className="preserve-lines">{agreement.note}</p> : null}
              {canEdit && editing === null ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setEditing(agreement.id)}
                >
                  {t('agreements.edit')}
                </button>
              ) : null}
            </article>
          ),
        )
      )}
    </section>
  )
}

function AgreementForm({
  partnerId,
  agreement,
  onCancel,
  onSaved,
}: {
  partnerId: string
  agreement: Agreement | null
  onCancel: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation('partners')
  const [values, setValues] = useState(agreement ? valuesOf(agreement) : NEW_AGREEMENT)
  const [checked, setChecked] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [created, create] = useMutation(CreatePartnerAgreementMutation)
  const [updated, update] = useMutation(UpdatePartnerAgreementMutation)
  const problems = checked ? validateAgreement(values) : {}
  const fields = [
    'startsOn',
    'endsOn',
    'currency',
    'note',
    'rebateBands',
    ...values.bands.flatMap((_, i) => [`rebateBands.${i}.threshold`, `rebateBands.${i}.percent`]),
  ]
  const mapped = mapUserErrors(errors, fields)
  const own = (key: string): UserErrorLike[] =>
    problems[key]
      ? [
          {
            code: problems[key] === 'required' ? 'REQUIRED' : 'INVALID_VALUE',
            message: t(`agreements.problem.${problems[key]}`),
          },
        ]
      : []
  const errorsAt = (key: string) => [...own(key), ...(mapped.byField[key] ?? [])]
  const setBand = (index: number, change: Partial<AgreementFormValues['bands'][number]>) =>
    setValues((current) => ({
      ...current,
      bands: current.bands.map((band, i) => (i === index ? { ...band, ...change } : band)),
    }))
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (Object.keys(validateAgreement(values)).length > 0) return
    const payload = agreement
      ? (await update({ input: toUpdateAgreementInput(agreement.id, agreement.version, values) }))
          .data?.updatePartnerAgreement
      : (await create({ input: toCreateAgreementInput(partnerId, values) })).data
          ?.createPartnerAgreement
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) onSaved()
  }
  const error = created.error ?? updated.error
  return (
    <form className="form agreement-form" noValidate onSubmit={(event) => void submit(event)}>
      <h3>{agreement ? t('agreements.editTitle') : t('agreements.newTitle')}</h3>
      {error ? <QueryError error={error} /> : null}
      <FormErrors errors={mapped.general} title={t('agreements.failed')} />
      <div className="form-grid">
        <DateField
          label={t('agreements.startsOn')}
          required
          value={values.startsOn}
          onChange={(startsOn) => setValues((current) => ({ ...current, startsOn }))}
          errors={errorsAt('startsOn')}
        />
        <DateField
          label={t('agreements.endsOn')}
          hint={t('agreements.endsOnHint')}
          value={values.endsOn}
          min={values.startsOn || undefined}
          onChange={(endsOn) => setValues((current) => ({ ...current, endsOn }))}
          errors={errorsAt('endsOn')}
        />
        {agreement ? null : (
          <SelectField
            label={t('agreements.currency')}
            required
            value={values.currency}
            onChange={(currency) =>
              setValues((current) => ({ ...current, currency: currency || 'EUR' }))
            }
            options={FORM_CURRENCIES.map((code) => ({ value: code, label: code }))}
            errors={mapped.byField.currency}
          />
        )}
      </div>
      <fieldset className="form-section">
        <legend>{t('agreements.bands')}</legend>
        <p className="muted">{t('agreements.bandsHint')}</p>
        <FormErrors errors={mapped.byField.rebateBands ?? []} />
        {values.bands.map((band, index) => (
          <div className="band-row" key={index}>
            <TextField
              label={t('agreements.threshold', { n: index + 1, currency: values.currency })}
              required
              value={band.threshold}
              onChange={(threshold) => setBand(index, { threshold })}
              errors={errorsAt(`rebateBands.${index}.threshold`)}
            />
            <TextField
              label={t('agreements.percent', { n: index + 1 })}
              required
              value={band.percent}
              onChange={(percent) => setBand(index, { percent })}
              errors={errorsAt(`rebateBands.${index}.percent`)}
            />
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                setValues((current) => ({
                  ...current,
                  bands: current.bands.filter((_, i) => i !== index),
                }))
              }
            >
              {t('agreements.removeBand', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            setValues((current) => ({
              ...current,
              bands: [...current.bands, { threshold: '', percent: '' }],
            }))
          }
        >
          + {t('agreements.addBand')}
        </button>
      </fieldset>
      <TextField
        label={t('agreements.note')}
        multiline
        maxLength={2000}
        value={values.note}
        onChange={(note) => setValues((current) => ({ ...current, note }))}
        errors={mapped.byField.note}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={created.fetching || updated.fetching}
        >
          {t('form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  )
}
