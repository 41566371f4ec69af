import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { SelectField, TextField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { ProtectionKeyKind } from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { useReloadOn } from '../../../hooks/use-reload-on'
import { formatDate } from '../../../lib/format'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { CreateProtectionKeyMutation, CustomerKeysQuery, LicenseListQuery } from '../api/licenses'
import { LicenseStatusBadge } from './status-badge'
import { useFragment } from '../../../gql'
import { LicenseRowFieldsFragmentDoc, ProtectionKeyFieldsFragmentDoc } from '../../../gql/graphql'
import '../licenses.css'
import { LoadMore } from '../../../components/load-more'

const REFRESH_ON_KEYS = { additionalTypenames: ['ProtectionKey'] }

/** On the customer page: the customer's licenses and protection keys, with "New key". */
export function CustomerLicensing({
  customerId,
  canAddKeys,
  refreshKey,
}: {
  customerId: string
  canAddKeys: boolean
  /** Changing it fetches the section again, e.g. when the live feed said it changed. */
  refreshKey?: number
}) {
  return (
    <div className="customer-licensing">
      <CustomerLicenses customerId={customerId} refreshKey={refreshKey} />
      <CustomerKeys customerId={customerId} canAdd={canAddKeys} refreshKey={refreshKey} />
    </div>
  )
}

function CustomerLicenses({ customerId, refreshKey }: { customerId: string; refreshKey?: number }) {
  const { t, i18n } = useTranslation('licenses')
  const lang = i18n.language
  const pages = useConnectionPages(
    LicenseListQuery,
    { customerId, first: 10 },
    (data) => data.licenses,
    { refreshKey },
  )
  const licenses = useFragment(LicenseRowFieldsFragmentDoc, pages.rows)
  return (
    <section className="card" aria-labelledby="customer-licenses">
      <h2 id="customer-licenses">{t('customer.licenses')}</h2>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.reload} /> : null}
      {pages.fetching && pages.rows.length === 0 ? (
        <Loading />
      ) : pages.rows.length === 0 ? (
        <p className="muted">{t('customer.noLicenses')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('field.serial')}</th>
              <th scope="col">{t('field.name')}</th>
              <th scope="col" className="number">
                {t('field.seats')}
              </th>
              <th scope="col">{t('field.endsOn')}</th>
              <th scope="col">{t('field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {licenses.map((license) => (
              <tr key={license.id}>
                <th scope="row">
                  <Link to={`/licenses/${encodeURIComponent(license.id)}`}>
                    <code className="serial">{license.serial}</code>
                  </Link>
                </th>
                <td>{license.name}</td>
                <td className="number">{license.seats}</td>
                <td>{license.endsOn ? formatDate(license.endsOn, lang) : t('field.perpetual')}</td>
                <td>
                  <LicenseStatusBadge status={license.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore pages={pages} label={t('list.loadMore')} busyLabel={t('list.loadingMore')} />
    </section>
  )
}

const KINDS: readonly ProtectionKeyKind[] = ['HARDWARE', 'SOFTWARE']

function CustomerKeys({
  customerId,
  canAdd,
  refreshKey,
}: {
  customerId: string
  canAdd: boolean
  refreshKey?: number
}) {
  const { t } = useTranslation('licenses')
  const [query, reexecute] = useQuery({
    query: CustomerKeysQuery,
    variables: { id: customerId },
    context: REFRESH_ON_KEYS,
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  useReloadOn(refreshKey, reload)
  const [adding, setAdding] = useState(false)
  const keys = useFragment(
    ProtectionKeyFieldsFragmentDoc,
    query.data?.customer?.protectionKeys ?? [],
  )
  return (
    <section className="card" aria-labelledby="customer-keys">
      <div className="card-header">
        <h2 id="customer-keys">{t('customer.keys')}</h2>
        {canAdd && !adding ? (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('keyCreate.button')}
          </button>
        ) : null}
      </div>
      {query.error ? <QueryError error={query.error} onRetry={reload} /> : null}
      {adding ? (
        <KeyCreateForm
          customerId={customerId}
          onCancel={() => setAdding(false)}
          onCreated={() => {
            setAdding(false)
            reload()
          }}
        />
      ) : null}
      {query.fetching && !query.data ? (
        <Loading />
      ) : keys.length === 0 ? (
        <p className="muted">{t('customer.noKeys')}</p>
      ) : (
        <ul className="document-list">
          {keys.map((key) => (
            <li key={key.id}>
              <Link to={`/keys/${encodeURIComponent(key.id)}`}>
                <code className="serial">{key.keyNumber}</code>
              </Link>{' '}
              {key.name} · {t(`keyKind.${key.kind}`)}{' '}
              <span className="badge">{t(`keyStatus.${key.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** "New protection key" for a customer. */
export function KeyCreateForm({
  customerId,
  onCancel,
  onCreated,
}: {
  customerId: string
  onCancel: () => void
  onCreated: (key: { id: string; keyNumber: string }) => void
}) {
  const { t } = useTranslation('licenses')
  const [result, create] = useMutation(CreateProtectionKeyMutation)
  const [keyNumber, setKeyNumber] = useState('')
  const [name, setName] = useState('')
  const [kind, setKind] = useState<ProtectionKeyKind>('HARDWARE')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, ['keyNumber', 'name', 'kind'])

  const submit = async () => {
    const local: UserErrorLike[] = []
    if (!keyNumber.trim())
      local.push({ field: ['input', 'keyNumber'], code: 'REQUIRED', message: '' })
    if (!name.trim()) local.push({ field: ['input', 'name'], code: 'REQUIRED', message: '' })
    setErrors(local)
    if (local.length > 0) return
    const payload = (
      await create({ input: { customerId, keyNumber: keyNumber.trim(), name: name.trim(), kind } })
    ).data?.createProtectionKey
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.key && payload.userErrors.length === 0) onCreated(payload.key)
  }

  return (
    <form
      noValidate
      aria-label={t('keyCreate.title')}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h3>{t('keyCreate.title')}</h3>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('keyCreate.problems')} />
      <TextField
        label={t('key.number')}
        required
        value={keyNumber}
        onChange={setKeyNumber}
        maxLength={60}
        errors={mapped.byField.keyNumber}
      />
      <TextField
        label={t('key.name')}
        required
        value={name}
        onChange={setName}
        maxLength={200}
        errors={mapped.byField.name}
      />
      <SelectField<ProtectionKeyKind>
        label={t('key.kind')}
        value={kind}
        onChange={(value) => setKind(value || 'HARDWARE')}
        options={KINDS.map((k) => ({ value: k, label: t(`keyKind.${k}`) }))}
        errors={mapped.byField.kind}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={result.fetching}>
          {t('keyCreate.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel', { ns: 'translation' })}
        </button>
      </div>
    </form>
  )
}
