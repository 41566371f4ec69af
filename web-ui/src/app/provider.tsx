import { useMemo, useState, type ReactNode } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { Provider as UrqlProvider } from 'urql'
import { AuthProvider } from '../features/auth/auth-provider'
import { useAuth } from '../features/auth/auth-context'
import { createGraphqlClient } from '../lib/graphql-client'
import { createI18n } from '../lib/i18n'

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
  const client = useMemo(
    () => createGraphqlClient({ accessToken, onUnauthorized: expire, language }),
    [accessToken, expire, language],
  )
  return <UrqlProvider value={client}>{children}</UrqlProvider>
}
