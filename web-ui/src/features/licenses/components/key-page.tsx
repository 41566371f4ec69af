import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { SelectField, TextField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type {
  ProtectionKeyFieldsFragment,
  ProtectionKeyKind,
  ReplaceProtectionKeyInput,
} from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { formatDate, formatDateTime } from '../../../lib/format'
import { hasCode, mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  CustomerKeysQuery,
  KeyLicensesQuery,
  ProtectionKeyQuery,
  ReplaceProtectionKeyMutation,
} from '../api/licenses'
import { BindLicensesDialog, UnbindLicenseDialog } from './bind-licenses'
import { graphql, useFragment } from '../../../gql'
import '../licenses.css'
import { LoadMore } from '../../../components/load-more'

const ProtectionKeyFields = graphql(`
  fragment ProtectionKeyFields on ProtectionKey {
    id
    keyNumber
    name
    kind
    status
    version
    createdAt
    customer {
      id
      name
    }
    replacedBy {
      id
      keyNumber
    }
  }
`)

const REFRESH_ON_CHANGES = { additionalTypenames: ['ProtectionKey', 'License'] }

/** /keys/:id: the protection key card with its serial numbers; admins replace it. */
export function ProtectionKeyPage({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation('licenses')
  const id = useParams().id ?? ''
  const [query, reexecute] = useQuery({
    query: ProtectionKeyQuery,
    variables: { id },
    context: REFRESH_ON_CHANGES,
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const key = useFragment(ProtectionKeyFields, query.data?.protectionKey)
  if (query.fetching && !key) return <Loading />
  if (query.error && !key) return <QueryError error={query.error} onRetry={reload} />
  if (!key) {
    return (
      <EmptyState title={t('key.notFound')}>
        <Link to="/licenses">{t('detail.back')}</Link>
      </EmptyState>
    )
  }
  return <KeyView key={key.version} protectionKey={key} canChange={canChange} onReload={reload} />
}

function KeyView({
  protectionKey: key,
  canChange,
  onReload,
}: {
  protectionKey: ProtectionKeyFieldsFragment
  canChange: boolean
  onReload: () => void
}) {
  const { t, i18n } = useTranslation('licenses')
  const lang = i18n.language
  const [tab, setTab] = useState<'card' | 'serials'>('card')
  const [replacing, setReplacing] = useState(false)
  const [binding, setBinding] = useState(false)
  // bumped when licenses were bound or unbound: the serial numbers load afresh
  const [serialsGeneration, setSerialsGeneration] = useState(0)
  const serialsChanged = () => setSerialsGeneration((g) => g + 1)

  return (
    <article className="page page-narrow" aria-labelledby="key-title">
      <p className="breadcrumb">
        <Link to={`/customers/${encodeURIComponent(key.customer.id)}`}>← {key.customer.name}</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="key-title">{t('key.title', { number: key.keyNumber })}</h1>
          <p className="page-subtitle">
            <span className="badge">{t(`keyStatus.${key.status}`)}</span>
            <span>{t(`keyKind.${key.kind}`)}</span>
          </p>
        </div>
        {canChange && key.status === 'ACTIVE' && !replacing && !binding ? (
          <div className="page-actions">
            <button type="button" className="button" onClick={() => setBinding(true)}>
              {t('bind.button')}
            </button>
            <button type="button" className="button" onClick={() => setReplacing(true)}>
              {t('key.replace')}
            </button>
          </div>
        ) : null}
      </header>
      {replacing ? (
        <ReplaceKeyDialog
          protectionKey={key}
          onCancel={() => setReplacing(false)}
          onReload={onReload}
        />
      ) : null}
      {binding ? (
        <BindLicensesDialog
          protectionKey={key}
          onCancel={() => setBinding(false)}
          onBound={() => {
            setBinding(false)
            serialsChanged()
            setTab('serials')
          }}
        />
      ) : null}
      <div
        className="tabs"
        role="tablist"
        aria-label={t('key.tabs')}
        onKeyDown={(event) => {
          // the tabs pattern: arrows move between the tabs, the selected one takes the focus
          if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
          const next = tab === 'card' ? 'serials' : 'card'
          setTab(next)
          document.getElementById(`key-tab-${next}`)?.focus()
        }}
      >
        <button
          type="button"
          role="tab"
          id="key-tab-card"
          aria-controls="key-panel-card"
          aria-selected={tab === 'card'}
          tabIndex={tab === 'card' ? 0 : -1}
          onClick={() => setTab('card')}
        >
          {t('key.card')}
        </button>
        <button
          type="button"
          role="tab"
          id="key-tab-serials"
          aria-controls="key-panel-serials"
          aria-selected={tab === 'serials'}
          tabIndex={tab === 'serials' ? 0 : -1}
          onClick={() => setTab('serials')}
        >
          {t('key.serials')}
        </button>
      </div>
      {tab === 'card' ? (
        <section
          className="card"
          role="tabpanel"
          id="key-panel-card"
          aria-labelledby="key-tab-card"
        >
          <DetailList>
            <Detail label={t('key.owner')}>
              <Link to={`/customers/${encodeURIComponent(key.customer.id)}`}>
                {key.customer.name}
              </Link>
            </Detail>
            <Detail label={t('key.name')}>{key.name}</Detail>
            <Detail label={t('key.number')}>
              <code className="serial">{key.keyNumber}</code>
            </Detail>
            <Detail label={t('key.kind')}>{t(`keyKind.${key.kind}`)}</Detail>
            <Detail label={t('key.status')}>{t(`keyStatus.${key.status}`)}</Detail>
            {key.replacedBy ? (
              <>
                <Detail label={t('key.replacedBy')}>
                  <Link to={`/keys/${encodeURIComponent(key.replacedBy.id)}`}>
                    {key.replacedBy.keyNumber}
                  </Link>
                </Detail>
              </>
            ) : null}
            <Detail label={t('field.issuedAt')}>{formatDateTime(key.createdAt, lang)}</Detail>
          </DetailList>
        </section>
      ) : (
        <section
          className="card"
          role="tabpanel"
          id="key-panel-serials"
          aria-labelledby="key-tab-serials"
        >
          <KeySerials
            key={serialsGeneration}
            keyId={key.id}
            canUnbind={canChange}
            onChanged={serialsChanged}
          />
        </section>
      )}
    </article>
  )
}

function KeySerials({
  keyId,
  canUnbind,
  onChanged,
}: {
  keyId: string
  canUnbind: boolean
  onChanged: () => void
}) {
  const { t, i18n } = useTranslation('licenses')
  const lang = i18n.language
  const [unbinding, setUnbinding] = useState<{ id: string; serial: string } | null>(null)
  const pages = useConnectionPages(
    KeyLicensesQuery,
    { id: keyId, first: 50 },
    (data) => data.protectionKey?.licenses,
  )
  if (pages.error) return <QueryError error={pages.error} onRetry={pages.reload} />
  if (pages.fetching && pages.rows.length === 0) return <Loading />
  if (pages.rows.length === 0) return <p className="muted">{t('key.noSerials')}</p>
  return (
    <>
      {unbinding ? (
        <UnbindLicenseDialog
          key={unbinding.id}
          license={unbinding}
          onCancel={() => setUnbinding(null)}
          onUnbound={onChanged}
        />
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('field.serial')}</th>
            <th scope="col">{t('field.customer')}</th>
            <th scope="col">{t('field.issuedAt')}</th>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('field.productCode')}</th>
            <th scope="col">{t('field.shipment')}</th>
            {canUnbind ? (
              <th scope="col">
                <span className="visually-hidden">{t('unbind.column')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {pages.rows.map((license) => (
            <tr key={license.id}>
              <th scope="row">
                <Link to={`/licenses/${encodeURIComponent(license.id)}`}>
                  <code className="serial">{license.serial}</code>
                </Link>
              </th>
              <td>{license.customer.name}</td>
              <td>{formatDate(license.issuedAt, lang)}</td>
              <td>{license.name}</td>
              <td>{license.product.code}</td>
              <td>
                {license.shipment ? (
                  <Link to={`/shipments/${encodeURIComponent(license.shipment.id)}`}>
                    {license.shipment.number}
                  </Link>
                ) : null}
              </td>
              {canUnbind ? (
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('unbind.buttonFor', { serial: license.serial })}
                    onClick={() => setUnbinding({ id: license.id, serial: license.serial })}
                  >
                    {t('unbind.button')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore pages={pages} label={t('list.loadMore')} busyLabel={t('list.loadingMore')} />
    </>
  )
}

const KINDS: readonly ProtectionKeyKind[] = ['HARDWARE', 'SOFTWARE']

/** "Replace key": a reason, and a new key number or another active key of the same customer. */
function ReplaceKeyDialog({
  protectionKey: key,
  onCancel,
  onReload,
}: {
  protectionKey: ProtectionKeyFieldsFragment
  onCancel: () => void
  onReload: () => void
}) {
  const { t } = useTranslation('licenses')
  const [result, replace] = useMutation(ReplaceProtectionKeyMutation)
  const [others] = useQuery({ query: CustomerKeysQuery, variables: { id: key.customer.id } })
  const [mode, setMode] = useState<'new' | 'existing'>('new')
  const [reason, setReason] = useState('')
  const [keyNumber, setKeyNumber] = useState('')
  const [name, setName] = useState(key.name)
  const [kind, setKind] = useState<ProtectionKeyKind>(key.kind)
  const [replacementKeyId, setReplacementKeyId] = useState('')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, [
    'reason',
    'replacementKeyId',
    'newKey',
    'newKey.keyNumber',
    'newKey.name',
    'newKey.kind',
  ])
  const candidates = useFragment(
    ProtectionKeyFields,
    others.data?.customer?.protectionKeys ?? [],
  ).filter((k) => k.id !== key.id && k.status === 'ACTIVE')

  const submit = async () => {
    const local: UserErrorLike[] = []
    if (!reason.trim()) local.push({ field: ['input', 'reason'], code: 'REQUIRED', message: '' })
    if (mode === 'new' && !keyNumber.trim()) {
      local.push({ field: ['input', 'newKey', 'keyNumber'], code: 'REQUIRED', message: '' })
    }
    if (mode === 'existing' && !replacementKeyId) {
      local.push({ field: ['input', 'replacementKeyId'], code: 'REQUIRED', message: '' })
    }
    setErrors(local)
    if (local.length > 0) return
    const input: ReplaceProtectionKeyInput = {
      id: key.id,
      expectedVersion: key.version,
      reason: reason.trim(),
      ...(mode === 'new'
        ? { newKey: { keyNumber: keyNumber.trim(), name: name.trim() || null, kind } }
        : { replacementKeyId }),
    }
    const payload = (await replace({ input })).data?.replaceProtectionKey
    if (!payload) return
    setErrors(payload.userErrors)
    // success: the key comes back REPLACED with a new version, and the page starts afresh
  }

  return (
    <section className="card" role="dialog" aria-labelledby="replace-key-title">
      <h2 id="replace-key-title">{t('replace.title', { number: key.keyNumber })}</h2>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('replace.problems')}>
        {hasCode(errors, 'STALE_VERSION') ? (
          <button type="button" className="button" onClick={onReload}>
            {t('actions.reload')}
          </button>
        ) : null}
      </FormErrors>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <TextField
          label={t('replace.reason')}
          required
          value={reason}
          onChange={setReason}
          placeholder={t('replace.reasonPlaceholder')}
          maxLength={500}
          errors={mapped.byField.reason}
        />
        <fieldset className="checkbox-group">
          <legend>{t('replace.with')}</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="replace-mode"
              checked={mode === 'new'}
              onChange={() => setMode('new')}
            />
            {t('replace.newKey')}
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="replace-mode"
              checked={mode === 'existing'}
              disabled={candidates.length === 0}
              onChange={() => setMode('existing')}
            />
            {t('replace.existingKey')}
          </label>
        </fieldset>
        {mode === 'new' ? (
          <>
            <TextField
              label={t('key.number')}
              required
              value={keyNumber}
              onChange={setKeyNumber}
              maxLength={60}
              errors={[
                ...(mapped.byField.newKey ?? []),
                ...(mapped.byField['newKey.keyNumber'] ?? []),
              ]}
            />
            <TextField
              label={t('key.name')}
              value={name}
              onChange={setName}
              maxLength={200}
              errors={mapped.byField['newKey.name']}
            />
            <SelectField<ProtectionKeyKind>
              label={t('key.kind')}
              value={kind}
              onChange={(value) => setKind(value || 'HARDWARE')}
              options={KINDS.map((k) => ({ value: k, label: t(`keyKind.${k}`) }))}
              errors={mapped.byField['newKey.kind']}
            />
          </>
        ) : (
          <SelectField
            label={t('replace.existingKey')}
            required
            value={replacementKeyId}
            onChange={setReplacementKeyId}
            emptyLabel={t('replace.chooseKey')}
            options={candidates.map((k) => ({ value: k.id, label: `${k.keyNumber} · ${k.name}` }))}
            errors={mapped.byField.replacementKeyId}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={result.fetching}>
            {t('replace.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
