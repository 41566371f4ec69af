import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { Loading } from '../../components/status'
import { useAuth } from './auth-context'

/** /auth/callback: the provider sends the browser back here with the authorization code. */
export function AuthCallback() {
  const { t } = useTranslation()
  const { completeSignIn } = useAuth()
  const navigate = useNavigate()
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let active = true
    completeSignIn(window.location.href)
      .then((returnTo) => {
        if (active) navigate(returnTo, { replace: true })
      })
      .catch((cause: unknown) => {
        if (active) setError(cause instanceof Error ? cause.message : String(cause))
      })
    return () => {
      active = false
    }
  }, [completeSignIn, navigate])

  return (
    <main className="landing-main" id="main">
      {error ? (
        <>
          <p className="alert alert-error" role="alert">
            {t('auth.signInFailed', { message: error })}
          </p>
          <Link to="/">{t('auth.backToStart')}</Link>
        </>
      ) : (
        <Loading label={t('auth.signingIn')} />
      )}
    </main>
  )
}
