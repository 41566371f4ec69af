import { useTranslation } from 'react-i18next'
import { CheckboxGroup, TextField } from '../../../components/form-field'
import type { UserErrorLike } from '../../../lib/user-errors'
import { CONTACT_ROLES } from '../utils/enums'
import type { ContactFormValues } from '../utils/form-values'
import { StringListField } from './string-list-field'

export type FieldErrorMap = Record<string, readonly UserErrorLike[]>

/**
 * A contact's inputs. `prefix` is where the server reports their errors:
 * `contacts.0.` when created with a customer, `contact.` for addContact, '' for updateContact.
 */
export function ContactFields({
  values,
  onChange,
  errors,
  prefix,
}: {
  values: ContactFormValues
  onChange: (values: ContactFormValues) => void
  errors: FieldErrorMap
  prefix: string
}) {
  const { t } = useTranslation('customers')
  const set = <K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K]) =>
    onChange({ ...values, [key]: value })
  return (
    <div className="form-grid">
      <TextField
        label={t('contact.field.firstName')}
        value={values.firstName}
        onChange={(value) => set('firstName', value)}
        errors={errors[`${prefix}firstName`]}
      />
      <TextField
        label={t('contact.field.lastName')}
        required
        value={values.lastName}
        onChange={(value) => set('lastName', value)}
        errors={errors[`${prefix}lastName`]}
      />
      <TextField
        label={t('contact.field.jobTitle')}
        value={values.jobTitle}
        onChange={(value) => set('jobTitle', value)}
        errors={errors[`${prefix}jobTitle`]}
        className="span-2"
      />
      <CheckboxGroup
        legend={t('contact.field.roles')}
        value={values.roles}
        onChange={(value) => set('roles', value)}
        options={CONTACT_ROLES.map((role) => ({ value: role, label: t(`contact.role.${role}`) }))}
        errors={errors[`${prefix}roles`]}
        className="span-2"
      />
      <StringListField
        legend={t('contact.field.emails')}
        type="email"
        values={values.emails}
        onChange={(value) => set('emails', value)}
        itemLabel={(n) => t('contact.emailN', { n })}
        addLabel={t('contact.addEmail')}
        removeLabel={(n) => t('contact.removeEmailN', { n })}
        errors={errors}
        errorKey={`${prefix}emails`}
      />
      <StringListField
        legend={t('contact.field.phones')}
        type="tel"
        values={values.phones}
        onChange={(value) => set('phones', value)}
        itemLabel={(n) => t('contact.phoneN', { n })}
        addLabel={t('contact.addPhone')}
        removeLabel={(n) => t('contact.removePhoneN', { n })}
        errors={errors}
        errorKey={`${prefix}phones`}
      />
      <TextField
        label={t('contact.field.notes')}
        multiline
        value={values.notes}
        onChange={(value) => set('notes', value)}
        errors={errors[`${prefix}notes`]}
        className="span-2"
      />
    </div>
  )
}
