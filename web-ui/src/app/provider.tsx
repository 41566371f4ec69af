import { useMemo, useState, type ReactNode } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { Provider as UrqlProvider } from 'urql'
import { AuthProvider } from '../features/auth/auth-provider'
import { useAuth } from '../features/auth/auth-context'
import { createGraphqlClient } from '../lib/graphql-client'
import { createI18n } from '../lib/i18n'
import { createLiveConnection } from '../lib/live'
import { LiveConnectionContext } from '../lib/live-context'
import { getUserManager } from '../lib/oidc'

/** Language, sign-in and the GraphQL client, for the whole app. */
export function AppProvider({ children }: { children: ReactNode }) {
  const [i18n] = useState(() => createI18n())
  return (
    <I18nextProvider i18n={i18n}>
      <AuthProvider>
        <GraphqlProvider>{children}</GraphqlProvider>
      </AuthProvider>
    </I18nextProvider>
  )
}

/**
 * A new client (and so an empty cache) for every access token and language: no data crosses
 * users, and switching the language fetches again what is on screen, with names in it.
 */
function GraphqlProvider({ children }: { children: ReactNode }) {
  const { user, expire } = useAuth()
  const { i18n } = useTranslation()
  const accessToken = user?.access_token
  const language = i18n.language
  // One socket per signed-in session; it reads the session's token each time it (re)connects.
  // It opens with the first subscription and closes after the last (lazy), so nothing needs
  // closing when the session ends: its screens unmount.
  const signedIn = Boolean(accessToken)
  const live = useMemo(
    () =>
      signedIn
        ? createLiveConnection(async () => (await getUserManager().getUser())?.access_token)
        : null,
    [signedIn],
  )
  const client = useMemo(
    () =>
      createGraphqlClient({
        accessToken,
        onUnauthorized: expire,
        language,
        subscriptions: live?.exchange,
      }),
    [accessToken, expire, language, live],
  )
  return (
    <LiveConnectionContext.Provider value={live}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </LiveConnectionContext.Provider>
  )
}
