import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useClient, useMutation, useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { DateField } from '../../../components/date-field'
import { TextField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { LicenseFieldsFragment } from '../../../gql/graphql'
import { formatDate, formatDateTime } from '../../../lib/format'
import { hasCode, mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  ExtendLicenseMutation,
  LicenseChangedSubscription,
  LicenseFileQuery,
  LicenseQuery,
  ResumeLicenseMutation,
  RevokeLicenseMutation,
  SuspendLicenseMutation,
} from '../api/licenses'
import { saveLicenseFile } from '../utils/download'
import { LicenseStatusBadge } from './status-badge'
import { UpgradeLicenseDialog } from './upgrade-license-dialog'
import { graphql, useFragment } from '../../../gql'
import { LiveIndicator } from '../../../components/live-indicator'
import { useLiveSubscription } from '../../../hooks/use-live-subscription'
import { isNewer } from '../../../lib/version-guard'
import '../licenses.css'

const LicenseFields = graphql(`
  fragment LicenseFields on License {
    id
    serial
    name
    editionCode
    seats
    startsOn
    endsOn
    status
    licenseModel
    issuedAt
    version
    product {
      id
      code
      name
    }
    customer {
      id
      name
    }
    key {
      id
      keyNumber
      name
    }
    shipment {
      id
      number
    }
    history {
      kind
      at
      reason
      endsOnBefore
      endsOnAfter
      editionBefore
      editionAfter
      seatsBefore
      seatsAfter
      by {
        id
        name
        vendor
      }
      fromKey {
        id
        keyNumber
      }
      toKey {
        id
        keyNumber
      }
    }
  }
`)

type Action = 'extend' | 'upgrade' | 'suspend' | 'resume' | 'revoke'

const REFRESH_ON_CHANGES = { additionalTypenames: ['License'] }

/** /licenses/:id: the license, its history, its signed file; admins change it. */
export function LicensePage({
  canChange,
  children,
}: {
  canChange: boolean
  /** Sections the app adds below the details, e.g. the payment plan that extends the license. */
  children?: ReactNode
}) {
  const { t } = useTranslation('licenses')
  const id = useParams().id ?? ''
  const [query, reexecute] = useQuery({
    query: LicenseQuery,
    variables: { id },
    context: REFRESH_ON_CHANGES,
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const license = useFragment(LicenseFields, query.data?.license)
  // someone else changed the license: fetch it again (the user's own change is already shown)
  useLiveSubscription(
    LicenseChangedSubscription,
    { id },
    (data) => {
      if (license && isNewer(data.licenseChanged, license)) reload()
    },
    { pause: !license, onResync: reload },
  )
  if (query.fetching && !license) return <Loading />
  if (query.error && !license) return <QueryError error={query.error} onRetry={reload} />
  if (!license) {
    return (
      <EmptyState title={t('detail.notFound')}>
        <Link to="/licenses">{t('detail.back')}</Link>
      </EmptyState>
    )
  }
  return (
    <LicenseView key={license.version} license={license} canChange={canChange} onReload={reload}>
      {children}
    </LicenseView>
  )
}

function LicenseView({
  license,
  canChange,
  onReload,
  children,
}: {
  license: LicenseFieldsFragment
  canChange: boolean
  onReload: () => void
  children?: ReactNode
}) {
  const { t, i18n } = useTranslation('licenses')
  const lang = i18n.language
  const [action, setAction] = useState<Action | null>(null)
  const none = <span className="muted">{t('common.notSet', { ns: 'translation' })}</span>
  const actions: Action[] = []
  if (canChange && license.status !== 'REVOKED') {
    if (license.endsOn && license.licenseModel !== 'PERPETUAL') actions.push('extend')
    actions.push('upgrade')
    if (license.status === 'ACTIVE') actions.push('suspend')
    if (license.status === 'SUSPENDED') actions.push('resume')
    actions.push('revoke')
  }

  return (
    <article className="page page-narrow" aria-labelledby="license-title">
      <p className="breadcrumb">
        <Link to="/licenses">← {t('detail.back')}</Link>
      </p>
      <header className="page-header">
        <div>
          <div className="page-title-row">
            <h1 id="license-title">{license.name}</h1>
            <LiveIndicator />
          </div>
          <p className="page-subtitle">
            <LicenseStatusBadge status={license.status} />
            <span>{license.customer.name}</span>
          </p>
        </div>
        <div className="page-actions">
          <DownloadLicenseFile licenseId={license.id} serial={license.serial} />
        </div>
      </header>
      <SerialNumber serial={license.serial} />
      {actions.length > 0 ? (
        <div className="license-actions" role="group" aria-label={t('actions.title')}>
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'revoke' ? 'button button-danger' : 'button'}
              aria-pressed={action === a}
              onClick={() => setAction(action === a ? null : a)}
            >
              {t(`actions.${a}`)}
            </button>
          ))}
        </div>
      ) : null}
      {action === 'upgrade' ? (
        <UpgradeLicenseDialog
          license={license}
          onCancel={() => setAction(null)}
          onReload={onReload}
        />
      ) : action ? (
        <LicenseActionForm
          key={action}
          action={action}
          license={license}
          onCancel={() => setAction(null)}
          onReload={onReload}
        />
      ) : null}
      <section className="card" aria-labelledby="license-details">
        <h2 id="license-details">{t('detail.details')}</h2>
        <DetailList>
          <Detail label={t('field.product')}>
            {license.product.code} · {license.product.name}
            {license.editionCode ? ` (${license.editionCode})` : ''}
          </Detail>
          <Detail label={t('field.customer')}>
            <Link to={`/customers/${encodeURIComponent(license.customer.id)}`}>
              {license.customer.name}
            </Link>
          </Detail>
          <Detail label={t('field.seats')}>{license.seats}</Detail>
          <Detail label={t('field.licenseModel')}>{t(`model.${license.licenseModel}`)}</Detail>
          <Detail label={t('field.period')}>
            {formatDate(license.startsOn, lang)} –{' '}
            {license.endsOn ? formatDate(license.endsOn, lang) : t('field.perpetual')}
          </Detail>
          <Detail label={t('field.key')}>
            {license.key ? (
              <Link to={`/keys/${encodeURIComponent(license.key.id)}`}>
                {license.key.keyNumber} · {license.key.name}
              </Link>
            ) : (
              none
            )}
          </Detail>
          <Detail label={t('field.shipment')}>
            {license.shipment ? (
              <Link to={`/shipments/${encodeURIComponent(license.shipment.id)}`}>
                {license.shipment.number}
              </Link>
            ) : (
              none
            )}
          </Detail>
          <Detail label={t('field.issuedAt')}>{formatDateTime(license.issuedAt, lang)}</Detail>
        </DetailList>
      </section>
      {children}
      <section className="card" aria-labelledby="license-history">
        <h2 id="license-history">{t('history.title')}</h2>
        {license.history.length === 0 ? (
          <p className="muted">{t('history.none')}</p>
        ) : (
          <ol className="timeline">
            {license.history.map((event, index) => (
              <li key={index} className="timeline-item">
                <span className={`timeline-icon license-event-${event.kind}`} aria-hidden="true">
                  {EVENT_ICONS[event.kind]}
                </span>
                <div className="timeline-body">
                  <p className="timeline-head">
                    <span className="timeline-subject">{t(`event.${event.kind}`)}</span>
                    <time dateTime={event.at}>{formatDateTime(event.at, lang)}</time>
                    <span className="muted">
                      {event.by ? t('history.by', { name: event.by.name }) : t('history.system')}
                    </span>
                  </p>
                  {event.endsOnBefore || event.endsOnAfter ? (
                    <p>
                      {t('history.endsOn', {
                        before: event.endsOnBefore ? formatDate(event.endsOnBefore, lang) : '—',
                        after: event.endsOnAfter ? formatDate(event.endsOnAfter, lang) : '—',
                      })}
                    </p>
                  ) : null}
                  {event.editionBefore || event.editionAfter ? (
                    <p>
                      {t('history.edition', {
                        before: event.editionBefore ?? '—',
                        after: event.editionAfter ?? '—',
                      })}
                    </p>
                  ) : null}
                  {event.seatsBefore != null || event.seatsAfter != null ? (
                    <p>
                      {t('history.seats', {
                        before: event.seatsBefore ?? '—',
                        after: event.seatsAfter ?? '—',
                      })}
                    </p>
                  ) : null}
                  {event.fromKey || event.toKey ? (
                    <p>
                      {t('history.moved', {
                        from: event.fromKey?.keyNumber ?? '—',
                        to: event.toKey?.keyNumber ?? '—',
                      })}
                    </p>
                  ) : null}
                  {event.reason ? <p className="preserve-lines">{event.reason}</p> : null}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  )
}

const EVENT_ICONS: Record<string, string> = {
  ISSUED: '★',
  EXTENDED: '⇥',
  SHORTENED: '⇤',
  RENEWED: '↻',
  UPGRADED: '⇧',
  MOVED: '⇄',
  SUSPENDED: '⏸',
  RESUMED: '▶',
  REVOKED: '✕',
}

/** The serial in a monospace font with a copy button. */
export function SerialNumber({ serial }: { serial: string }) {
  const { t } = useTranslation('licenses')
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(serial)
      setCopied('yes')
    } catch {
      setCopied('no')
    }
  }
  return (
    <p className="license-serial">
      <span className="license-serial-label">{t('field.serial')}</span>{' '}
      <code className="serial" aria-label={t('field.serial')}>
        {serial}
      </code>{' '}
      <button type="button" className="button button-small" onClick={() => void copy()}>
        {t('detail.copy')}
      </button>{' '}
      <span role="status" className="muted">
        {copied === 'yes' ? t('detail.copied') : copied === 'no' ? t('detail.copyFailed') : ''}
      </span>
    </p>
  )
}

/** Fetches the signed file on demand and saves it as `<serial>.lic`. */
export function DownloadLicenseFile({ licenseId, serial }: { licenseId: string; serial: string }) {
  const { t } = useTranslation('licenses')
  const client = useClient()
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const download = async () => {
    setBusy(true)
    setFailed(false)
    const result = await client
      .query(LicenseFileQuery, { id: licenseId }, { requestPolicy: 'network-only' })
      .toPromise()
    setBusy(false)
    const file = result.data?.license
    if (!file) {
      setFailed(true)
      return
    }
    saveLicenseFile(file.serial || serial, file.signedFile)
  }
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        onClick={() => void download()}
      >
        {t('detail.download')}
      </button>
      {failed ? (
        <p role="alert" className="alert alert-error">
          {t('detail.downloadFailed')}
        </p>
      ) : null}
    </>
  )
}

function LicenseActionForm({
  action,
  license,
  onCancel,
  onReload,
}: {
  action: Exclude<Action, 'upgrade'>
  license: LicenseFieldsFragment
  onCancel: () => void
  onReload: () => void
}) {
  const { t } = useTranslation('licenses')
  const [extended, extend] = useMutation(ExtendLicenseMutation)
  const [suspended, suspend] = useMutation(SuspendLicenseMutation)
  const [resumed, resume] = useMutation(ResumeLicenseMutation)
  const [revoked, revoke] = useMutation(RevokeLicenseMutation)
  const [reason, setReason] = useState('')
  const [endsOn, setEndsOn] = useState(license.endsOn ?? '')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, ['reason', 'endsOn'])
  const reasonRequired = action === 'suspend' || action === 'revoke'
  const busy = extended.fetching || suspended.fetching || resumed.fetching || revoked.fetching
  const error = extended.error ?? suspended.error ?? resumed.error ?? revoked.error

  const submit = async () => {
    const local: UserErrorLike[] = []
    if (reasonRequired && !reason.trim()) {
      local.push({ field: ['input', 'reason'], code: 'REQUIRED', message: '' })
    }
    if (action === 'extend' && !endsOn) {
      local.push({ field: ['input', 'endsOn'], code: 'REQUIRED', message: '' })
    }
    setErrors(local)
    if (local.length > 0) return
    const base = {
      id: license.id,
      expectedVersion: license.version,
      reason: reason.trim() || null,
    }
    let payload: { userErrors: readonly UserErrorLike[] } | undefined
    if (action === 'extend')
      payload = (await extend({ input: { ...base, endsOn } })).data?.extendLicense
    if (action === 'suspend') payload = (await suspend({ input: base })).data?.suspendLicense
    if (action === 'resume') payload = (await resume({ input: base })).data?.resumeLicense
    if (action === 'revoke') payload = (await revoke({ input: base })).data?.revokeLicense
    if (payload) setErrors(payload.userErrors)
    // success arrives with a new version: the page starts afresh without the form
  }

  return (
    <section className="card" aria-labelledby="license-action-title">
      <h2 id="license-action-title">{t(`actions.${action}Title`)}</h2>
      {error ? <QueryError error={error} /> : null}
      <FormErrors errors={mapped.general} title={t('actions.problems')}>
        {hasCode(errors, 'STALE_VERSION') ? (
          <>
            <p>{t('actions.staleVersion')}</p>
            <button type="button" className="button" onClick={onReload}>
              {t('actions.reload')}
            </button>
          </>
        ) : null}
      </FormErrors>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        {action === 'extend' ? (
          <DateField
            label={t('actions.newEnd')}
            required
            errors={mapped.byField.endsOn}
            value={endsOn}
            min={license.endsOn ?? undefined}
            onChange={setEndsOn}
          />
        ) : null}
        <TextField
          label={t('actions.reason')}
          required={reasonRequired}
          multiline
          value={reason}
          onChange={setReason}
          maxLength={500}
          errors={mapped.byField.reason}
        />
        <div className="form-actions">
          <button
            type="submit"
            className={action === 'revoke' ? 'button button-danger' : 'button button-primary'}
            disabled={busy}
          >
            {t(`actions.${action}Submit`)}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
