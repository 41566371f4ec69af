import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A new signing secret, shown this once (the API never shows it again): a warning, the secret
 * in a read-only field, "Copy" and "I have stored the secret", which makes it go away for good.
 */
export function SecretNotice({
  url,
  secret,
  onDone,
}: {
  url: string
  secret: string
  onDone: () => void
}) {
  const { t } = useTranslation('webhooks')
  const [copy, setCopy] = useState<'copied' | 'copyFailed' | null>(null)
  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(secret)
      setCopy('copied')
    } catch {
      setCopy('copyFailed')
    }
  }
  return (
    <section className="alert alert-warning webhook-secret" aria-labelledby="webhook-secret-title">
      <h2 id="webhook-secret-title" className="alert-title">
        {t('secret.title', { url })}
      </h2>
      <p>{t('secret.warning')}</p>
      <div className="webhook-secret-row">
        <label className="visually-hidden" htmlFor="webhook-secret-value">
          {t('secret.label')}
        </label>
        <input
          id="webhook-secret-value"
          className="webhook-secret-value"
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copySecret()}>
          {t('secret.copy')}
        </button>
      </div>
      <p role="status" className="muted">
        {copy ? t(`secret.${copy}`) : ''}
      </p>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('secret.done')}
        </button>
      </div>
    </section>
  )
}
