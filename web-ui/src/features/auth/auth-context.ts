import { createContext, useContext } from 'react'
import type { User } from 'oidc-client-ts'

export type AuthStatus = 'loading' | 'authenticated' | 'unauthenticated'

export type AuthState = {
  status: AuthStatus
  user: User | null
  /** Why the user is signed out, when it was not their choice. */
  signedOutReason?: 'expired' | 'error'
  /** Redirects to the provider's login page; comes back to `returnTo` (a path in this app). */
  signIn: (returnTo?: string) => Promise<void>
  /** Ends the session at the provider (end-session endpoint) or, failing that, locally. */
  signOut: () => Promise<void>
  /** Completes the redirect back from the provider; resolves to the path to continue to. */
  completeSignIn: (url: string) => Promise<string>
  /** Forgets the local user, e.g. after the API answered 401. */
  expire: () => void
}

export const AuthContext = createContext<AuthState | null>(null)

export function useAuth(): AuthState {
  const auth = useContext(AuthContext)
  if (!auth) {
    throw new Error('useAuth must be used inside <AuthProvider>')
  }
  return auth
}
