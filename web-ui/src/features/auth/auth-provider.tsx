import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { User, UserManager } from 'oidc-client-ts'
import { getUserManager, readReturnTo, type SignInState } from '../../lib/oidc'
import { AuthContext, type AuthState } from './auth-context'

type Session = Pick<AuthState, 'status' | 'user' | 'signedOutReason'>

// React's StrictMode runs effects twice in development, and a callback URL can be redeemed only
// once: remember the promise per URL.
const callbacks = new Map<string, Promise<User>>()

export function AuthProvider({
  children,
  userManager = getUserManager(),
}: {
  children: ReactNode
  userManager?: UserManager
}) {
  const [session, setSession] = useState<Session>({ status: 'loading', user: null })

  useEffect(() => {
    let active = true
    const signedIn = (user: User) => {
      if (active) setSession({ status: 'authenticated', user })
    }
    const signedOut = (signedOutReason?: Session['signedOutReason']) => {
      if (active) setSession({ status: 'unauthenticated', user: null, signedOutReason })
    }

    userManager
      .getUser()
      .then((user) => (user && !user.expired ? signedIn(user) : signedOut()))
      .catch(() => signedOut('error'))
    void userManager.clearStaleState().catch(() => undefined)

    const onLoaded = (user: User) => signedIn(user)
    // removeUser() also raises "unloaded": keep the reason already given.
    const onUnloaded = () => {
      if (active) {
        setSession((previous) =>
          previous.status === 'unauthenticated'
            ? previous
            : { status: 'unauthenticated', user: null },
        )
      }
    }
    const onExpired = () => {
      void userManager.removeUser()
      signedOut('expired')
    }
    userManager.events.addUserLoaded(onLoaded)
    userManager.events.addUserUnloaded(onUnloaded)
    userManager.events.addAccessTokenExpired(onExpired)
    return () => {
      active = false
      userManager.events.removeUserLoaded(onLoaded)
      userManager.events.removeUserUnloaded(onUnloaded)
      userManager.events.removeAccessTokenExpired(onExpired)
    }
  }, [userManager])

  const signIn = useCallback(
    async (returnTo?: string) => {
      const state: SignInState = { returnTo }
      await userManager.signinRedirect({ state })
    },
    [userManager],
  )

  const signOut = useCallback(async () => {
    const hasEndSession = await userManager.metadataService
      .getEndSessionEndpoint()
      .then((endpoint) => Boolean(endpoint))
      .catch(() => false)
    if (hasEndSession) {
      try {
        await userManager.signoutRedirect()
        return
      } catch {
        // fall through to the local sign-out
      }
    }
    await userManager.removeUser()
    setSession({ status: 'unauthenticated', user: null })
  }, [userManager])

  const completeSignIn = useCallback(
    async (url: string) => {
      let pending = callbacks.get(url)
      if (!pending) {
        pending = userManager.signinRedirectCallback(url)
        callbacks.set(url, pending)
      }
      const user = await pending
      setSession({ status: 'authenticated', user })
      return readReturnTo(user.state)
    },
    [userManager],
  )

  const expire = useCallback(() => {
    void userManager.removeUser()
    setSession({ status: 'unauthenticated', user: null, signedOutReason: 'expired' })
  }, [userManager])

  const value = useMemo<AuthState>(
    () => ({ ...session, signIn, signOut, completeSignIn, expire }),
    [session, signIn, signOut, completeSignIn, expire],
  )

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}
