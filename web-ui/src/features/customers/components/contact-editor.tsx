import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import type { ContactFieldsFragment } from '../../../gql/graphql'
import { AddContactMutation, UpdateContactMutation } from '../api/mutations'
import {
  contactFieldKeys,
  contactToFormValues,
  emptyContactValues,
  normalizeContact,
  toContactInput,
  toUpdateContactInput,
  type ContactFormValues,
} from '../utils/form-values'
import { ContactFields } from './contact-fields'

// addContact reports errors under `input.contact.…`, updateContact under `input.…`.
const ADD_PREFIX = 'contact.'
const UPDATE_PREFIX = ''

/** Adds a contact to a customer, or edits one, inline on the customer's page. */
export function ContactEditor({
  customerId,
  contact,
  onDone,
  onReload,
}: {
  customerId: string
  /** The contact to edit; omit to add one. */
  contact?: ContactFieldsFragment
  onDone: () => void
  onReload: () => void
}) {
  const { t } = useTranslation('customers')
  const titleId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const [initial] = useState<ContactFormValues>(() =>
    contact ? contactToFormValues(contact) : emptyContactValues,
  )
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [addResult, addContact] = useMutation(AddContactMutation)
  const [updateResult, updateContact] = useMutation(UpdateContactMutation)
  const submitting = addResult.fetching || updateResult.fetching
  const networkError = addResult.error ?? updateResult.error

  const prefix = contact ? UPDATE_PREFIX : ADD_PREFIX
  const mapped = mapUserErrors(errors, contactFieldKeys(prefix, values))
  const stale = mapped.general.some((error) => error.code === 'STALE_VERSION')

  const showErrors = (next: readonly UserErrorLike[]) => {
    setErrors(next)
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
    const normalized = normalizeContact(values)
    setValues(normalized)
    if (!normalized.lastName) {
      const field = ['input', ...prefix.split('.').filter(Boolean), 'lastName']
      showErrors([{ field, code: 'REQUIRED', message: '' }])
      return
    }
    let payload: { userErrors: readonly UserErrorLike[] } | undefined
    if (contact) {
      const response = await updateContact({
        input: toUpdateContactInput(contact.id, contact.version, initial, normalized),
      })
      payload = response.data?.updateContact
    } else {
      const response = await addContact({
        input: { customerId, contact: toContactInput(normalized) },
      })
      payload = response.data?.addContact
    }
    if (!payload) return
    if (payload.userErrors.length > 0) {
      showErrors(payload.userErrors)
    } else {
      onDone()
    }
  }

  const title = contact ? t('detail.editContact', { name: contact.fullName }) : t('form.addContact')

  return (
    <form
      ref={formRef}
      className="contact-editor"
      onSubmit={submit}
      aria-labelledby={titleId}
      noValidate
    >
      <h3 id={titleId}>{title}</h3>
      {networkError ? <QueryError error={networkError} /> : null}
      <FormErrors errors={mapped.general}>
        {stale ? (
          <button type="button" className="button" onClick={onReload}>
            {t('form.reload')}
          </button>
        ) : null}
      </FormErrors>
      <ContactFields values={values} onChange={setValues} errors={mapped.byField} prefix={prefix} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t('common.saving', { ns: 'translation' }) : t('form.saveContact')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel', { ns: 'translation' })}
        </button>
      </div>
    </form>
  )
}
