import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { TextField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { FieldErrors, FormErrors } from '../../../components/user-error-list'
import type { ProtectionKeyFieldsFragment } from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { BindLicensesMutation, LicenseListQuery } from '../api/licenses'
import { LicenseStatusBadge } from './status-badge'
import { useFragment } from '../../../gql'
import { LicenseRowFieldsFragmentDoc } from '../../../gql/graphql'

/**
 * The key's errors by license: the API reports a license's error at
 * `["input", "licenseIds", "<index>"]`, the index into the ids sent.
 */
function errorsByLicense(errors: readonly UserErrorLike[], sentIds: readonly string[]) {
  const mapped = mapUserErrors(errors, [
    'reason',
    'keyId',
    'licenseIds',
    ...sentIds.map((_, index) => `licenseIds.${index}`),
  ])
  const byLicense: Record<string, UserErrorLike[]> = {}
  sentIds.forEach((id, index) => {
    const found = mapped.byField[`licenseIds.${index}`]
    if (found) byLicense[id] = found
  })
  return {
    byLicense,
    reason: mapped.byField.reason,
    general: [
      ...mapped.general,
      ...(mapped.byField.keyId ?? []),
      ...(mapped.byField.licenseIds ?? []),
    ],
  }
}

/** "Bind licenses": licenses of the key's customer not bound to this key, chosen and bound. */
export function BindLicensesDialog({
  protectionKey: key,
  onCancel,
  onBound,
}: {
  protectionKey: ProtectionKeyFieldsFragment
  onCancel: () => void
  onBound: () => void
}) {
  const { t } = useTranslation('licenses')
  const [result, bind] = useMutation(BindLicensesMutation)
  const pages = useConnectionPages(
    LicenseListQuery,
    { customerId: key.customer.id, first: 100 },
    (data) => data.licenses,
  )
  const candidates = useFragment(LicenseRowFieldsFragmentDoc, pages.rows).filter(
    (license) => license.key?.id !== key.id && license.status !== 'REVOKED',
  )
  const [chosen, setChosen] = useState<readonly string[]>([])
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [sentIds, setSentIds] = useState<readonly string[]>([])
  const mapped = errorsByLicense(errors, sentIds)

  const submit = async () => {
    if (chosen.length === 0) {
      setSentIds([])
      setErrors([{ field: ['input', 'licenseIds'], code: 'REQUIRED', message: '' }])
      return
    }
    const licenseIds = [...chosen]
    setSentIds(licenseIds)
    setErrors([])
    const payload = (
      await bind({ input: { licenseIds, keyId: key.id, reason: reason.trim() || null } })
    ).data?.bindLicenses
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) onBound()
  }

  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => (on ? [...previous, id] : previous.filter((x) => x !== id)))

  return (
    <section className="card" role="dialog" aria-labelledby="bind-licenses-title">
      <h2 id="bind-licenses-title">{t('bind.title', { number: key.keyNumber })}</h2>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('bind.problems')} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        {pages.error ? <QueryError error={pages.error} onRetry={pages.reload} /> : null}
        {pages.fetching && pages.rows.length === 0 ? (
          <Loading />
        ) : candidates.length === 0 ? (
          <p className="muted">{t('bind.none', { customer: key.customer.name })}</p>
        ) : (
          <fieldset className="checkbox-group">
            <legend>{t('bind.choose', { customer: key.customer.name })}</legend>
            <ul className="bind-list">
              {candidates.map((license) => {
                const errorId = `bind-errors-${license.id}`
                const rowErrors = mapped.byLicense[license.id]
                return (
                  <li key={license.id}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={chosen.includes(license.id)}
                        aria-invalid={Boolean(rowErrors)}
                        aria-describedby={rowErrors ? errorId : undefined}
                        onChange={(event) => toggle(license.id, event.target.checked)}
                      />
                      <code className="serial">{license.serial}</code> {license.name}{' '}
                      <LicenseStatusBadge status={license.status} />
                      {license.key ? (
                        <span className="muted">
                          {' '}
                          {t('bind.boundTo', { number: license.key.keyNumber })}
                        </span>
                      ) : null}
                    </label>
                    <FieldErrors id={errorId} errors={rowErrors} />
                  </li>
                )
              })}
            </ul>
            {pages.hasNextPage ? (
              <button
                type="button"
                className="button button-small"
                disabled={pages.fetching}
                onClick={pages.loadMore}
              >
                {pages.fetching ? t('list.loadingMore') : t('list.loadMore')}
              </button>
            ) : null}
          </fieldset>
        )}
        <TextField
          label={t('actions.reason')}
          value={reason}
          onChange={setReason}
          maxLength={500}
          errors={mapped.reason}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={result.fetching}>
            {chosen.length > 0 ? t('bind.submitCount', { count: chosen.length }) : t('bind.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}

/** "Unbind" of one serial number: an optional reason, then `bindLicenses` with `keyId: null`. */
export function UnbindLicenseDialog({
  license,
  onCancel,
  onUnbound,
}: {
  license: { id: string; serial: string }
  onCancel: () => void
  onUnbound: () => void
}) {
  const { t } = useTranslation('licenses')
  const [result, bind] = useMutation(BindLicensesMutation)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = errorsByLicense(errors, [license.id])

  const submit = async () => {
    setErrors([])
    const payload = (
      await bind({
        input: { licenseIds: [license.id], keyId: null, reason: reason.trim() || null },
      })
    ).data?.bindLicenses
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) onUnbound()
  }

  return (
    <section className="card" role="dialog" aria-labelledby="unbind-license-title">
      <h2 id="unbind-license-title">{t('unbind.title', { serial: license.serial })}</h2>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors
        errors={[...mapped.general, ...(mapped.byLicense[license.id] ?? [])]}
        title={t('unbind.problems')}
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <TextField
          label={t('actions.reason')}
          value={reason}
          onChange={setReason}
          maxLength={500}
          errors={mapped.reason}
        />
        <div className="form-actions">
          <button type="submit" className="button button-danger" disabled={result.fetching}>
            {t('unbind.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
