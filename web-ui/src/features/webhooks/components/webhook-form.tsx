import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { CheckboxGroup, TextField } from '../../../components/form-field'
import { FormErrors } from '../../../components/user-error-list'
import type { WebhookEndpointFieldsFragment } from '../../../gql/graphql'
import { readFragment } from '../../../lib/read-fragment'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  CreateWebhookEndpointMutation,
  UpdateWebhookEndpointMutation,
  WebhookEndpointFields,
} from '../api/webhooks'
import {
  EVENT_TYPES,
  WEBHOOK_FORM_FIELDS,
  emptyWebhookForm,
  formValuesOf,
  toCreateInput,
  toUpdateInput,
  validateWebhookForm,
  type WebhookFormValues,
} from '../utils/form'

export type WebhookFormProps = {
  /** Admins may allow a private address; nobody else sees the checkbox. */
  isAdmin: boolean
  onCancel: () => void
} & (
  | {
      /** A new endpoint: `onCreated` gets it with its secret, to be shown once. */
      endpoint?: undefined
      onCreated: (endpoint: WebhookEndpointFieldsFragment, secret: string) => void
    }
  | { endpoint: WebhookEndpointFieldsFragment; onSaved: () => void }
)

/** "New endpoint" and "Edit": URL, description, event types and, for admins, private addresses. */
export function WebhookForm(props: WebhookFormProps) {
  const { isAdmin, onCancel, endpoint } = props
  const { t } = useTranslation('webhooks')
  const [values, setValues] = useState<WebhookFormValues>(() =>
    endpoint ? formValuesOf(endpoint) : emptyWebhookForm,
  )
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [creating, create] = useMutation(CreateWebhookEndpointMutation)
  const [updating, update] = useMutation(UpdateWebhookEndpointMutation)
  const busy = creating.fetching || updating.fetching
  const [networkFailed, setNetworkFailed] = useState(false)
  const mapped = mapUserErrors(errors, WEBHOOK_FORM_FIELDS)
  const set = <K extends keyof WebhookFormValues>(key: K, value: WebhookFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const invalid = validateWebhookForm(values)
    setErrors(invalid)
    setNetworkFailed(false)
    if (invalid.length > 0) return
    if (!props.endpoint) {
      const result = await create({ input: toCreateInput(values, isAdmin) })
      const payload = result.data?.createWebhookEndpoint
      if (!payload) return setNetworkFailed(true)
      setErrors(payload.userErrors)
      if (payload.userErrors.length === 0 && payload.endpoint && payload.secret) {
        props.onCreated(readFragment(WebhookEndpointFields, payload.endpoint), payload.secret)
      }
    } else {
      const result = await update({ input: toUpdateInput(values, props.endpoint, isAdmin) })
      const payload = result.data?.updateWebhookEndpoint
      if (!payload) return setNetworkFailed(true)
      setErrors(payload.userErrors)
      if (payload.userErrors.length === 0) props.onSaved()
    }
  }

  const titleId = endpoint ? `webhook-edit-${endpoint.id}` : 'webhook-create'
  return (
    <form className="card webhook-form" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h2 id={titleId}>{endpoint ? t('form.editTitle') : t('form.createTitle')}</h2>
      <FormErrors
        errors={mapped.general}
        title={mapped.general.length > 0 || networkFailed ? t('form.failed') : undefined}
      >
        {networkFailed ? <p>{t('errors.network', { ns: 'translation' })}</p> : null}
      </FormErrors>
      <TextField
        label={t('field.url')}
        type="url"
        required
        value={values.url}
        onChange={(value) => set('url', value)}
        hint={t('field.urlHint')}
        placeholder="https://"
        errors={mapped.byField.url}
        maxLength={2048}
      />
      <TextField
        label={t('field.description')}
        value={values.description}
        onChange={(value) => set('description', value)}
        errors={mapped.byField.description}
        maxLength={500}
      />
      <CheckboxGroup
        className="webhook-event-types"
        legend={`${t('field.eventTypes')} — ${t('field.eventTypesHint')}`}
        value={values.eventTypes}
        onChange={(value) => set('eventTypes', value)}
        options={EVENT_TYPES.map((type) => ({ value: type, label: t(`eventType.${type}`) }))}
        errors={mapped.byField.eventTypes}
      />
      <p className="webhook-event-types-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => set('eventTypes', [...EVENT_TYPES])}
        >
          {t('form.selectAll')}
        </button>
        <button type="button" className="button button-small" onClick={() => set('eventTypes', [])}>
          {t('form.selectNone')}
        </button>
      </p>
      {isAdmin ? (
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.allowPrivateNetwork}
              aria-describedby={`${titleId}-private-hint`}
              onChange={(event) => set('allowPrivateNetwork', event.target.checked)}
            />
            {t('field.allowPrivateNetwork')}
          </label>
          <p id={`${titleId}-private-hint`} className="field-hint">
            {t('field.allowPrivateNetworkHint')}
          </p>
          <FormErrors errors={mapped.byField.allowPrivateNetwork ?? []} />
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {endpoint
            ? busy
              ? t('form.saving')
              : t('form.save')
            : busy
              ? t('form.creating')
              : t('form.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  )
}
