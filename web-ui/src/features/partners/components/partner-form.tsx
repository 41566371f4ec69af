import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { SelectField, TextField } from '../../../components/form-field'
import { FormErrors } from '../../../components/user-error-list'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { PartnerTiersQuery } from '../api/partners'
import { validatePartnerForm, type PartnerFormValues } from '../utils/partner-form'

const FIELDS = ['name', 'legalName', 'taxId', 'country', 'address', 'tierId', 'status', 'parentId']

/** The organisation's fields and its tier; `children` adds fields of the create form. */
export function PartnerForm({
  initial,
  submitLabel,
  busy,
  errors,
  onSubmit,
  onCancel,
  children,
}: {
  initial: PartnerFormValues
  submitLabel: string
  busy: boolean
  errors: readonly UserErrorLike[]
  onSubmit: (values: PartnerFormValues) => void
  onCancel: () => void
  children?: React.ReactNode
}) {
  const { t } = useTranslation('partners')
  const [values, setValues] = useState(initial)
  const [checked, setChecked] = useState(false)
  const [tiers] = useQuery({ query: PartnerTiersQuery })
  const problems = checked ? validatePartnerForm(values) : {}
  const mapped = mapUserErrors(errors, FIELDS)
  const set = (field: keyof PartnerFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }))
  const problem = (field: keyof PartnerFormValues) =>
    problems[field] ? t(`form.${problems[field]}`) : null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (Object.keys(validatePartnerForm(values)).length === 0) onSubmit(values)
  }
  return (
    <form className="card form" noValidate onSubmit={submit}>
      <FormErrors errors={mapped.general} title={t('form.failed')} />
      <div className="form-grid">
        <TextField
          label={t('field.name')}
          required
          maxLength={200}
          value={values.name}
          onChange={set('name')}
          errors={mapped.byField.name}
          inputError={problem('name')}
        />
        <TextField
          label={t('field.legalName')}
          maxLength={200}
          value={values.legalName}
          onChange={set('legalName')}
          errors={mapped.byField.legalName}
        />
        <TextField
          label={t('field.taxId')}
          maxLength={50}
          value={values.taxId}
          onChange={set('taxId')}
          errors={mapped.byField.taxId}
        />
        <TextField
          label={t('field.country')}
          hint={t('form.countryHint')}
          maxLength={2}
          value={values.country}
          onChange={set('country')}
          errors={mapped.byField.country}
          inputError={problem('country')}
        />
        <TextField
          label={t('field.address')}
          multiline
          maxLength={500}
          value={values.address}
          onChange={set('address')}
          errors={mapped.byField.address}
        />
        <SelectField
          label={t('field.tier')}
          value={values.tierId}
          onChange={set('tierId')}
          emptyLabel={t('tier.none')}
          options={(tiers.data?.partnerTiers ?? []).map((tier) => ({
            value: tier.id,
            label: tier.name,
          }))}
          errors={mapped.byField.tierId}
        />
        {children}
      </div>
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
