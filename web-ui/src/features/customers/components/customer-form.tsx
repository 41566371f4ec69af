import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxGroup, SelectField, TextField } from '../../../components/form-field'
import { FormErrors } from '../../../components/user-error-list'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { COMPANY_SIZES, CUSTOMER_STATUSES, SOURCE_CHANNELS } from '../utils/enums'
import {
  contactFieldKeys,
  emptyContactValues,
  isContactBlank,
  normalizeContact,
  type ContactFormValues,
  type CustomerFormValues,
} from '../utils/form-values'
import { ContactFields } from './contact-fields'

type UserOption = { id: string; name: string }

/** The customer's own fields, named as in CreateCustomerInput / UpdateCustomerInput. */
const CUSTOMER_FIELD_KEYS = [
  'name',
  'legalName',
  'taxId',
  'industry',
  'region',
  'size',
  'status',
  'ownerId',
  'sharedWithIds',
  'tags',
  'sourceChannel',
  'sourceCampaignId',
  'website',
  'email',
  'phone',
  'address',
  'notes',
] as const

export const FIRST_CONTACT_PREFIX = 'contacts.0.'

export type CustomerFormProps = {
  mode: 'create' | 'edit'
  initialValues: CustomerFormValues
  users: readonly UserOption[]
  /** The campaigns to offer as the source; none (e.g. for partners' users) hides the choice. */
  campaigns?: readonly { id: string; name: string }[]
  submitLabel: string
  /** Saves; resolves to the user errors, none when it worked. */
  onSubmit: (
    values: CustomerFormValues,
    firstContact: ContactFormValues | undefined,
  ) => Promise<readonly UserErrorLike[]>
  onCancel: () => void
  /** Offered when the server answers STALE_VERSION. */
  onReload?: () => void
}

export function CustomerForm({
  mode,
  initialValues,
  users,
  campaigns = [],
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
}: CustomerFormProps) {
  const { t } = useTranslation('customers')
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState(initialValues)
  const [withContact, setWithContact] = useState(false)
  const [contact, setContact] = useState<ContactFormValues>(emptyContactValues)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [submitting, setSubmitting] = useState(false)

  const set = <K extends keyof CustomerFormValues>(key: K, value: CustomerFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }))

  const knownFields = [
    ...CUSTOMER_FIELD_KEYS,
    ...(withContact ? contactFieldKeys(FIRST_CONTACT_PREFIX, contact) : []),
  ]
  const mapped = mapUserErrors(errors, knownFields)
  const stale = mapped.general.filter((error) => error.code === 'STALE_VERSION')
  const general = mapped.general.filter((error) => error.code !== 'STALE_VERSION')

  const showErrors = (next: readonly UserErrorLike[]) => {
    setErrors(next)
    // after React has rendered them: focus the first field at fault, else the summary
    requestAnimationFrame(() => {
      const form = formRef.current
      const target =
        form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        form?.querySelector<HTMLElement>('[role="alert"]')
      target?.focus()
    })
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (submitting) return
    const firstContact =
      mode === 'create' && withContact && !isContactBlank(contact)
        ? normalizeContact(contact)
        : undefined
    if (firstContact) setContact(firstContact)

    const local: UserErrorLike[] = []
    if (!values.name.trim()) local.push({ field: ['input', 'name'], code: 'REQUIRED', message: '' })
    if (firstContact && !firstContact.lastName) {
      local.push({ field: ['input', 'contacts', '0', 'lastName'], code: 'REQUIRED', message: '' })
    }
    if (local.length > 0) {
      showErrors(local)
      return
    }

    setSubmitting(true)
    try {
      const result = await onSubmit(values, firstContact)
      showErrors(result)
    } finally {
      setSubmitting(false)
    }
  }

  const ownerOptions = users.map((user) => ({ value: user.id, label: user.name }))

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {stale.length > 0 ? (
        <div role="alert" className="alert alert-warning" tabIndex={-1}>
          <p>{t('form.staleVersion')}</p>
          {onReload ? (
            <button type="button" className="button" onClick={onReload}>
              {t('form.reload')}
            </button>
          ) : null}
        </div>
      ) : null}
      <FormErrors errors={general} title={t('form.problems')} />

      <fieldset className="form-section">
        <legend>{t('form.general')}</legend>
        <div className="form-grid">
          <TextField
            label={t('customer.field.name')}
            required
            value={values.name}
            onChange={(value) => set('name', value)}
            errors={mapped.byField.name}
            className="span-2"
          />
          <TextField
            label={t('customer.field.legalName')}
            value={values.legalName}
            onChange={(value) => set('legalName', value)}
            errors={mapped.byField.legalName}
          />
          <TextField
            label={t('customer.field.taxId')}
            value={values.taxId}
            onChange={(value) => set('taxId', value)}
            errors={mapped.byField.taxId}
          />
          <TextField
            label={t('customer.field.address')}
            multiline
            value={values.address}
            onChange={(value) => set('address', value)}
            errors={mapped.byField.address}
            className="span-2"
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('form.classification')}</legend>
        <div className="form-grid">
          <SelectField
            label={t('customer.field.status')}
            value={values.status}
            onChange={(value) => value && set('status', value)}
            options={CUSTOMER_STATUSES.map((status) => ({
              value: status,
              label: t(`customer.status.${status}`),
            }))}
            errors={mapped.byField.status}
          />
          <SelectField
            label={t('customer.field.size')}
            value={values.size}
            onChange={(value) => set('size', value)}
            emptyLabel={t('common.notSelected', { ns: 'translation' })}
            options={COMPANY_SIZES.map((size) => ({
              value: size,
              label: t(`customer.size.${size}`),
            }))}
            errors={mapped.byField.size}
          />
          <TextField
            label={t('customer.field.industry')}
            value={values.industry}
            onChange={(value) => set('industry', value)}
            errors={mapped.byField.industry}
          />
          <TextField
            label={t('customer.field.region')}
            value={values.region}
            onChange={(value) => set('region', value)}
            errors={mapped.byField.region}
          />
          <SelectField
            label={t('customer.field.sourceChannel')}
            value={values.sourceChannel}
            onChange={(value) => set('sourceChannel', value)}
            emptyLabel={t('common.notSelected', { ns: 'translation' })}
            options={SOURCE_CHANNELS.map((channel) => ({
              value: channel,
              label: t(`customer.sourceChannel.${channel}`),
            }))}
            errors={mapped.byField.sourceChannel}
          />
          {campaigns.length > 0 ? (
            <SelectField
              label={t('customer.field.sourceCampaign')}
              value={values.sourceCampaignId}
              onChange={(value) => set('sourceCampaignId', value)}
              emptyLabel={t('common.notSelected', { ns: 'translation' })}
              options={campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))}
              errors={mapped.byField.sourceCampaignId}
            />
          ) : null}
          <TextField
            label={t('customer.field.tags')}
            hint={t('form.tagsHint')}
            value={values.tags}
            onChange={(value) => set('tags', value)}
            errors={mapped.byField.tags}
          />
          <SelectField
            label={t('customer.field.owner')}
            hint={mode === 'create' ? t('form.ownerHint') : undefined}
            value={values.ownerId}
            onChange={(value) => set('ownerId', value)}
            emptyLabel={
              mode === 'create' ? t('common.notSelected', { ns: 'translation' }) : undefined
            }
            options={ownerOptions}
            errors={mapped.byField.ownerId}
          />
          {mode === 'edit' ? (
            <CheckboxGroup
              legend={t('customer.field.sharedWith')}
              value={values.sharedWithIds}
              onChange={(value) => set('sharedWithIds', value)}
              options={users
                .filter((user) => user.id !== values.ownerId)
                .map((user) => ({ value: user.id, label: user.name }))}
              errors={mapped.byField.sharedWithIds}
              className="span-2"
            />
          ) : null}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('form.contactDetails')}</legend>
        <div className="form-grid">
          <TextField
            label={t('customer.field.email')}
            type="email"
            value={values.email}
            onChange={(value) => set('email', value)}
            errors={mapped.byField.email}
          />
          <TextField
            label={t('customer.field.phone')}
            type="tel"
            value={values.phone}
            onChange={(value) => set('phone', value)}
            errors={mapped.byField.phone}
          />
          <TextField
            label={t('customer.field.website')}
            type="url"
            value={values.website}
            onChange={(value) => set('website', value)}
            errors={mapped.byField.website}
            className="span-2"
          />
          <TextField
            label={t('customer.field.notes')}
            multiline
            value={values.notes}
            onChange={(value) => set('notes', value)}
            errors={mapped.byField.notes}
            className="span-2"
          />
        </div>
      </fieldset>

      {mode === 'create' ? (
        withContact ? (
          <fieldset className="form-section">
            <legend>{t('form.firstContact')}</legend>
            <ContactFields
              values={contact}
              onChange={setContact}
              errors={mapped.byField}
              prefix={FIRST_CONTACT_PREFIX}
            />
          </fieldset>
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setWithContact(true)}>
              + {t('form.addFirstContact')}
            </button>
          </p>
        )
      ) : null}

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t('common.saving', { ns: 'translation' }) : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel', { ns: 'translation' })}
        </button>
      </div>
    </form>
  )
}
