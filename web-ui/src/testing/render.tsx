import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { Provider as UrqlProvider, type Client } from 'urql'
import { vi } from 'vitest'
import { AuthContext, type AuthState } from '../features/auth/auth-context'
import { createI18n, type Language } from '../lib/i18n'
import { PermissionsContext, type Permission } from '../lib/permissions'
import { EVERY_PERMISSION } from './permissions'

function LocationProbe() {
  const location = useLocation()
  return <output data-testid="location">{location.pathname + location.search}</output>
}

/**
 * Renders `ui` at `route` (matched by `path`) with English (or `language`), a signed-in user
 * and the given urql client; the user may do everything unless `permissions` say less. The current
 * address is in the `location` test id.
 */
export function renderWithProviders(
  ui: ReactElement,
  {
    client,
    route = '/',
    path = '/',
    language = 'en',
    auth,
    permissions = EVERY_PERMISSION,
  }: {
    client: Client
    route?: string
    path?: string
    language?: Language
    auth?: Partial<AuthState>
    permissions?: readonly Permission[]
  },
) {
  const i18n = createI18n(language)
  const authState: AuthState = {
    status: 'authenticated',
    user: null,
    signIn: vi.fn(async () => undefined),
    signOut: vi.fn(async () => undefined),
    completeSignIn: vi.fn(async () => '/customers'),
    expire: vi.fn(),
    ...auth,
  }
  return render(
    <I18nextProvider i18n={i18n}>
      <AuthContext.Provider value={authState}>
        <UrqlProvider value={client}>
          <PermissionsContext.Provider value={permissions}>
            <MemoryRouter initialEntries={[route]}>
              <Routes>
                <Route path={path} element={ui} />
                <Route path="*" element={<p>elsewhere</p>} />
              </Routes>
              <LocationProbe />
            </MemoryRouter>
          </PermissionsContext.Provider>
        </UrqlProvider>
      </AuthContext.Provider>
    </I18nextProvider>,
  )
}
