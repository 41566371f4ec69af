import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguagePicker } from '../../components/language-picker'
import { useAuth } from './auth-context'

/** What a signed-out visitor sees, at "/" or at any page they tried to open. */
export function LandingPage({ returnTo }: { returnTo?: string }) {
  const { t } = useTranslation()
  const auth = useAuth()
  const [error, setError] = useState<string | null>(null)
  const [redirecting, setRedirecting] = useState(false)

  const signIn = async () => {
    setRedirecting(true)
    setError(null)
    try {
      await auth.signIn(returnTo)
    } catch (cause) {
      setRedirecting(false)
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }

  return (
    <div className="landing">
      <header className="landing-header">
        <span className="brand">{t('app.name')}</span>
        <LanguagePicker />
      </header>
      <main className="landing-main" id="main">
        <h1>{t('auth.landingTitle')}</h1>
        <p className="landing-tagline">{t('app.tagline')}</p>
        <p>{t('auth.landingText')}</p>
        {auth.signedOutReason === 'expired' ? (
          <p className="alert alert-info" role="status">
            {t('auth.sessionExpired')}
          </p>
        ) : null}
        {error ? (
          <p className="alert alert-error" role="alert">
            {t('auth.signInFailed', { message: error })}
          </p>
        ) : null}
        <button
          type="button"
          className="button button-primary button-large"
          onClick={signIn}
          disabled={redirecting}
        >
          {t('auth.signIn')}
        </button>
      </main>
    </div>
  )
}
