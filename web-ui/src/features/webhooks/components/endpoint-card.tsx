import { useState, type FormEvent } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { TextField } from '../../../components/form-field'
import { FormErrors } from '../../../components/user-error-list'
import type { WebhookEndpointFieldsFragment } from '../../../gql/graphql'
import { formatDateTime } from '../../../lib/format'
import { useCan } from '../../../lib/permissions'
import { readFragment } from '../../../lib/read-fragment'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  DeleteWebhookEndpointMutation,
  DisableWebhookEndpointMutation,
  EnableWebhookEndpointMutation,
  ReplayWebhookEndpointMutation,
  RotateWebhookSecretMutation,
  TestWebhookEndpointMutation,
  WebhookDeliveryFields,
} from '../api/webhooks'
import { parseWholeNumber } from '../utils/form'
import { DeliveryLog } from './delivery-log'
import { WebhookForm } from './webhook-form'

type Panel = 'edit' | 'rotate' | 'replay' | 'delete' | null

/** What the card tells after an action: a notice, or why the action failed. */
type Outcome = { tone: 'info' | 'error'; say: Say } | null

/** A text said in the language shown when it is drawn, not the one it was decided in. */
type Say = (t: TFunction<'webhooks'>) => string

type Payload = { userErrors: readonly UserErrorLike[] } | null | undefined

/** One endpoint: its settings, what a role may do with it, and its delivery log. */
export function EndpointCard({
  endpoint,
  isAdmin,
  onChanged,
  onSecret,
  onDeleted,
}: {
  endpoint: WebhookEndpointFieldsFragment
  isAdmin: boolean
  /** The endpoint changed: the list loads it again. */
  onChanged: () => void
  /** A rotation gave a new secret, to be shown once. */
  onSecret: (url: string, secret: string) => void
  onDeleted: (url: string) => void
}) {
  const { t, i18n } = useTranslation('webhooks')
  const lang = i18n.language
  const can = useCan()
  const mayUpdate = can('UPDATE', 'WEBHOOK_ENDPOINT')
  const mayDelete = can('DELETE', 'WEBHOOK_ENDPOINT')
  const [panel, setPanel] = useState<Panel>(null)
  const [showLog, setShowLog] = useState(false)
  const [logKey, setLogKey] = useState(0)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [overlapHours, setOverlapHours] = useState('24')
  const [position, setPosition] = useState(String(endpoint.position))
  const [inputError, setInputError] = useState<string | null>(null)

  const [enableState, enable] = useMutation(EnableWebhookEndpointMutation)
  const [disableState, disable] = useMutation(DisableWebhookEndpointMutation)
  const [deleteState, remove] = useMutation(DeleteWebhookEndpointMutation)
  const [rotateState, rotate] = useMutation(RotateWebhookSecretMutation)
  const [replayState, replay] = useMutation(ReplayWebhookEndpointMutation)
  const [testState, test] = useMutation(TestWebhookEndpointMutation)
  const versionInput = { id: endpoint.id, expectedVersion: endpoint.version }

  const open = (next: Panel) => {
    setPanel((current) => (current === next ? null : next))
    setErrors([])
    setInputError(null)
    setOutcome(null)
  }

  /** Settles an action's answer: its userErrors stay on the card, a success tells `notice`. */
  const settle = (payload: Payload, notice: Say): boolean => {
    if (!payload) {
      setOutcome({ tone: 'error', say: (t) => t('errors.network', { ns: 'translation' }) })
      return false
    }
    setErrors(payload.userErrors)
    if (payload.userErrors.length > 0) {
      setOutcome({ tone: 'error', say: (t) => t('action.failed') })
      return false
    }
    setOutcome({ tone: 'info', say: notice })
    return true
  }

  const toggleEnabled = async () => {
    setErrors([])
    if (endpoint.status === 'ACTIVE') {
      const result = await disable({ input: versionInput })
      if (settle(result.data?.disableWebhookEndpoint, (t) => t('notice.disabled'))) onChanged()
    } else {
      const result = await enable({ input: versionInput })
      if (settle(result.data?.enableWebhookEndpoint, (t) => t('notice.enabled'))) onChanged()
    }
  }

  const sendTest = async () => {
    setErrors([])
    const result = await test({ input: { id: endpoint.id } })
    const payload = result.data?.testWebhookEndpoint
    const delivery = payload?.delivery
      ? readFragment(WebhookDeliveryFields, payload.delivery)
      : null
    const notice: Say = (t) =>
      !delivery
        ? ''
        : delivery.outcome === 'SUCCEEDED'
          ? t('notice.testSucceeded', { status: delivery.statusCode, latency: delivery.latencyMs })
          : t('notice.testFailed', {
              reason: delivery.responseExcerpt ?? delivery.statusCode ?? t('notice.noStatus'),
            })
    if (settle(payload, notice)) {
      if (delivery?.outcome === 'FAILED') setOutcome({ tone: 'error', say: notice })
      setShowLog(true)
      setLogKey((key) => key + 1)
    }
  }

  const submitRotate = async (event: FormEvent) => {
    event.preventDefault()
    const hours = parseWholeNumber(overlapHours, 0, 168)
    if (hours === null) return setInputError(t('form.invalidNumber', { min: 0, max: 168 }))
    setInputError(null)
    const result = await rotate({ input: { ...versionInput, overlapHours: hours } })
    const payload = result.data?.rotateWebhookSecret
    if (settle(payload, () => '') && payload?.secret) {
      setOutcome(null)
      setPanel(null)
      onSecret(endpoint.url, payload.secret)
      onChanged()
    }
  }

  const submitReplay = async (event: FormEvent) => {
    event.preventDefault()
    const after = parseWholeNumber(position, 0, Number.MAX_SAFE_INTEGER)
    if (after === null) {
      return setInputError(t('form.invalidNumber', { min: 0, max: Number.MAX_SAFE_INTEGER }))
    }
    setInputError(null)
    const result = await replay({ input: { ...versionInput, afterPosition: after } })
    if (
      settle(result.data?.replayWebhookEndpoint, (t) => t('notice.replayed', { position: after }))
    ) {
      setPanel(null)
      setLogKey((key) => key + 1)
      onChanged()
    }
  }

  const confirmDelete = async () => {
    const result = await remove({ input: versionInput })
    if (settle(result.data?.deleteWebhookEndpoint, () => '')) onDeleted(endpoint.url)
  }

  const mapped = mapUserErrors(errors, ['overlapHours', 'afterPosition'])
  const titleId = `webhook-${endpoint.id}`
  const busy =
    enableState.fetching ||
    disableState.fetching ||
    deleteState.fetching ||
    rotateState.fetching ||
    replayState.fetching ||
    testState.fetching

  return (
    <article className="card webhook-endpoint" aria-labelledby={titleId}>
      <header className="card-header">
        <div>
          <h2 id={titleId} className="webhook-url">
            {endpoint.url}
          </h2>
          {endpoint.description ? <p className="muted">{endpoint.description}</p> : null}
        </div>
        <span
          className={`badge ${endpoint.status === 'ACTIVE' ? 'badge-webhook-ok' : 'badge-webhook-failed'}`}
        >
          {t(`endpoint.status.${endpoint.status}`)}
        </span>
      </header>
      {endpoint.status === 'DISABLED' && endpoint.disabledReason ? (
        <p className="alert alert-warning">
          {t('endpoint.disabledReason', { reason: endpoint.disabledReason })}
        </p>
      ) : null}
      <DetailList>
        <Detail label={t('endpoint.owner')}>
          {endpoint.partner
            ? t('endpoint.ownerPartner', { name: endpoint.partner.name })
            : t('endpoint.ownerVendor')}
        </Detail>
        <Detail label={t('endpoint.eventTypes')}>
          {endpoint.eventTypes.length === 0
            ? t('endpoint.allTypes')
            : endpoint.eventTypes.map((type) => t(`eventType.${type}`)).join(', ')}
        </Detail>
        <Detail label={t('endpoint.position')}>
          {endpoint.position}
          {' · '}
          {endpoint.consecutiveFailures > 0
            ? t('endpoint.failures', { count: endpoint.consecutiveFailures })
            : t('endpoint.noFailures')}
        </Detail>
        <Detail label={t('endpoint.created')}>
          {formatDateTime(endpoint.createdAt, lang)}
          {endpoint.allowPrivateNetwork ? ` · ${t('endpoint.privateNetwork')}` : ''}
        </Detail>
        {endpoint.previousSecretExpiresAt ? (
          <Detail label={t('secret.label')}>
            {t('endpoint.previousSecret', {
              time: formatDateTime(endpoint.previousSecretExpiresAt, lang),
            })}
          </Detail>
        ) : null}
      </DetailList>

      <div
        className="webhook-actions"
        role="group"
        aria-label={t('endpoint.actions', { url: endpoint.url })}
      >
        {mayUpdate ? (
          <>
            <button
              type="button"
              className="button"
              aria-expanded={panel === 'edit'}
              onClick={() => open('edit')}
            >
              {t('action.edit')}
            </button>
            <button
              type="button"
              className="button"
              aria-expanded={panel === 'rotate'}
              onClick={() => open('rotate')}
            >
              {t('action.rotate')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void toggleEnabled()}
            >
              {endpoint.status === 'ACTIVE' ? t('action.disable') : t('action.enable')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void sendTest()}
            >
              {testState.fetching ? t('action.testing') : t('action.test')}
            </button>
            <button
              type="button"
              className="button"
              aria-expanded={panel === 'replay'}
              onClick={() => open('replay')}
            >
              {t('action.replay')}
            </button>
          </>
        ) : null}
        <button
          type="button"
          className="button"
          aria-expanded={showLog}
          onClick={() => setShowLog((shown) => !shown)}
        >
          {showLog ? t('action.hideDeliveries') : t('action.deliveries')}
        </button>
        {mayDelete ? (
          <button
            type="button"
            className="button button-danger"
            aria-expanded={panel === 'delete'}
            onClick={() => open('delete')}
          >
            {t('action.delete')}
          </button>
        ) : null}
      </div>

      {outcome ? (
        <p
          className={outcome.tone === 'error' ? 'alert alert-error' : 'alert alert-info'}
          role={outcome.tone === 'error' ? 'alert' : 'status'}
        >
          {outcome.say(t)}
        </p>
      ) : null}
      {panel === null ? <FormErrors errors={mapped.general} /> : null}

      {panel === 'edit' ? (
        <WebhookForm
          endpoint={endpoint}
          isAdmin={isAdmin}
          onCancel={() => setPanel(null)}
          onSaved={() => {
            setPanel(null)
            setOutcome({ tone: 'info', say: (t) => t('notice.saved') })
            onChanged()
          }}
        />
      ) : null}
      {panel === 'rotate' ? (
        <form className="webhook-inline-form" onSubmit={submitRotate} noValidate>
          <FormErrors errors={mapped.general} />
          <TextField
            label={t('field.overlapHours')}
            value={overlapHours}
            onChange={setOverlapHours}
            hint={t('field.overlapHoursHint')}
            inputError={inputError}
            errors={mapped.byField.overlapHours}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {rotateState.fetching ? t('action.rotating') : t('action.rotate')}
            </button>
            <button type="button" className="button" onClick={() => setPanel(null)}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {panel === 'replay' ? (
        <form className="webhook-inline-form" onSubmit={submitReplay} noValidate>
          <FormErrors errors={mapped.general} />
          <TextField
            label={t('field.position')}
            value={position}
            onChange={setPosition}
            hint={t('field.positionHint')}
            inputError={inputError}
            errors={mapped.byField.afterPosition}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {replayState.fetching ? t('action.replaying') : t('action.replay')}
            </button>
            <button type="button" className="button" onClick={() => setPanel(null)}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {panel === 'delete' ? (
        <div className="alert alert-warning" role="alertdialog" aria-labelledby={`${titleId}-del`}>
          <p id={`${titleId}-del`}>{t('confirm.delete', { url: endpoint.url })}</p>
          <FormErrors errors={mapped.general} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => void confirmDelete()}
            >
              {deleteState.fetching ? t('action.deleting') : t('confirm.deleteButton')}
            </button>
            <button type="button" className="button" onClick={() => setPanel(null)}>
              {t('form.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {showLog ? (
        <DeliveryLog endpointId={endpoint.id} url={endpoint.url} refreshKey={logKey} />
      ) : null}
    </article>
  )
}
