import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useClient, useQuery, type CombinedError } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { FormField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import type { VerifyLicenseQuery as VerifyLicenseData } from '../../../gql/graphql'
import { LicenseSigningKeyQuery, VerifyLicenseQuery } from '../api/licenses'
import { LICENSE_PROBLEMS, verifyVariables } from '../utils/verify'
import { LicenseStatusBadge } from './status-badge'
import '../licenses.css'

/** Where the API serves the signing key without authentication. */
export const SIGNING_KEY_PATH = '/license-signing-key.pem'

/** /licenses/verify: checks a serial number or a signed license file, and shows the public key. */
export function VerifyLicensePage() {
  const { t } = useTranslation('licenses')
  const fileId = useId()
  const [text, setText] = useState('')
  const [fileName, setFileName] = useState<string | null>(null)
  const [empty, setEmpty] = useState(false)
  const client = useClient()
  const [asked, setAsked] = useState<{ serial: string | null; file: string | null } | null>(null)
  const [fetching, setFetching] = useState(false)
  const [error, setError] = useState<CombinedError | null>(null)
  const [verification, setVerification] = useState<VerifyLicenseData['verifyLicense'] | null>(null)

  const check = async () => {
    if (!text.trim()) {
      setEmpty(true)
      return
    }
    setEmpty(false)
    const variables = verifyVariables(text)
    setAsked(variables)
    setFetching(true)
    setVerification(null)
    setError(null)
    const result = await client
      .query(VerifyLicenseQuery, variables, { requestPolicy: 'network-only' })
      .toPromise()
    setFetching(false)
    setError(result.error ?? null)
    setVerification(result.data?.verifyLicense ?? null)
  }

  const readFile = async (file: File | undefined) => {
    if (!file) return
    setFileName(file.name)
    setText(await file.text())
    setEmpty(false)
  }

  return (
    <section className="page page-narrow" aria-labelledby="verify-title">
      <p className="breadcrumb">
        <Link to="/licenses">← {t('detail.back')}</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="verify-title">{t('verify.title')}</h1>
          <p className="page-subtitle">{t('verify.subtitle')}</p>
        </div>
      </header>
      <form
        className="card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void check()
        }}
      >
        <FormField
          label={t('verify.input')}
          required
          hint={t('verify.inputHint')}
          errors={empty ? [{ field: ['serial'], code: 'REQUIRED', message: '' }] : undefined}
        >
          {(control) => (
            <textarea
              {...control}
              rows={6}
              spellCheck={false}
              autoComplete="off"
              className="verify-input"
              value={text}
              onChange={(event) => {
                setText(event.target.value)
                setFileName(null)
              }}
            />
          )}
        </FormField>
        <div className="field">
          <label htmlFor={fileId}>{t('verify.chooseFile')}</label>
          <input
            id={fileId}
            type="file"
            accept=".lic,text/plain"
            onChange={(event) => void readFile(event.target.files?.[0])}
          />
          {fileName ? (
            <p className="field-hint" role="status">
              {t('verify.fileRead', { name: fileName })}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={fetching}>
            {t('verify.submit')}
          </button>
        </div>
      </form>
      {error ? <QueryError error={error} onRetry={() => void check()} /> : null}
      {fetching ? <Loading /> : null}
      {verification ? (
        <section
          className={`card verify-result ${verification.valid ? 'verify-valid' : 'verify-invalid'}`}
          aria-labelledby="verify-result-title"
          aria-live="polite"
        >
          <h2 id="verify-result-title">
            {verification.valid ? t('verify.valid') : t('verify.invalid')}
          </h2>
          <p className="muted">
            {asked?.file ? t('verify.checkedFile') : t('verify.checkedSerial')}
          </p>
          {verification.problems.length > 0 ? (
            <ul className="verify-problems">
              {LICENSE_PROBLEMS.filter((p) => verification.problems.includes(p)).map((problem) => (
                <li key={problem}>
                  <strong>{t(`problem.${problem}.title`)}</strong>{' '}
                  {t(`problem.${problem}.explanation`)}
                </li>
              ))}
            </ul>
          ) : null}
          {verification.license ? (
            <p>
              {t('verify.license')}{' '}
              <Link to={`/licenses/${encodeURIComponent(verification.license.id)}`}>
                <code className="serial">{verification.license.serial}</code>
              </Link>{' '}
              {verification.license.name} · {verification.license.customer.name}{' '}
              <LicenseStatusBadge status={verification.license.status} />
            </p>
          ) : null}
        </section>
      ) : null}
      <SigningKeyPanel />
    </section>
  )
}

/** The vendor's public key, with a copy button: programs verify license files offline with it. */
function SigningKeyPanel() {
  const { t } = useTranslation('licenses')
  const [query, reexecute] = useQuery({ query: LicenseSigningKeyQuery })
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const key = query.data?.licenseSigningKey
  const copy = async () => {
    if (!key) return
    try {
      await navigator.clipboard.writeText(key.publicKeyPem)
      setCopied('yes')
    } catch {
      setCopied('no')
    }
  }
  return (
    <section className="card" aria-labelledby="signing-key-title">
      <h2 id="signing-key-title">{t('signingKey.title')}</h2>
      <p>{t('signingKey.note')}</p>
      {query.error ? <QueryError error={query.error} onRetry={() => reexecute()} /> : null}
      {query.fetching && !key ? <Loading /> : null}
      {key ? (
        <>
          <DetailList>
            <Detail label={t('signingKey.algorithm')}>{key.algorithm}</Detail>
            <Detail label={t('signingKey.keyId')}>
              <code>{key.keyId}</code>
            </Detail>
          </DetailList>
          <pre className="signing-key-pem" aria-label={t('signingKey.pem')} tabIndex={0}>
            {key.publicKeyPem}
          </pre>
          <p className="license-actions">
            <button type="button" className="button" onClick={() => void copy()}>
              {t('signingKey.copy')}
            </button>
            <a className="button" href={SIGNING_KEY_PATH} download="license-signing-key.pem">
              {t('signingKey.download')}
            </a>
            <span role="status" className="muted">
              {copied === 'yes'
                ? t('detail.copied')
                : copied === 'no'
                  ? t('signingKey.copyFailed')
                  : ''}
            </span>
          </p>
          <p className="muted">{t('signingKey.served', { path: SIGNING_KEY_PATH })}</p>
        </>
      ) : null}
    </section>
  )
}
