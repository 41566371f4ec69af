import { UserManager, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts'

// An installation's settings (public/env.js, written when the web-ui container starts) come
// before the build's.
const installation = window.__DEALERDESK_CONFIG__ ?? {}

export const oidcAuthority =
  installation.oidcAuthority || import.meta.env.VITE_OIDC_AUTHORITY || 'http://localhost:9000'
export const oidcClientId =
  installation.oidcClientId || import.meta.env.VITE_OIDC_CLIENT_ID || 'dealerdesk-web'
/** The API refuses queries without the read scope and mutations without the write scope. */
export const oidcScope =
  installation.oidcScope ||
  import.meta.env.VITE_OIDC_SCOPE ||
  'openid profile dealerdesk.read dealerdesk.write'
/** Providers such as Auth0 choose the access token's audience from an `audience` parameter. */
const oidcAudience = installation.oidcAudience || import.meta.env.VITE_OIDC_AUDIENCE

export const CALLBACK_PATH = '/auth/callback'

/**
 * Authorization Code flow with PKCE (oidc-client-ts always uses PKCE for `response_type=code`)
 * against the configured provider. The user (tokens) lives in sessionStorage, so closing the tab
 * ends the local session.
 */
export function createOidcSettings(origin: string = window.location.origin): UserManagerSettings {
  return {
    authority: oidcAuthority,
    client_id: oidcClientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: oidcScope,
    ...(oidcAudience ? { extraQueryParams: { audience: oidcAudience } } : {}),
    loadUserInfo: false,
    // Spring Authorization Server gives public clients no refresh token and does not support
    // prompt=none, so there is nothing to renew silently: an expired token means signing in again.
    automaticSilentRenew: false,
    monitorSession: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  }
}

let userManager: UserManager | undefined

export function getUserManager(): UserManager {
  userManager ??= new UserManager(createOidcSettings())
  return userManager
}

/** Where to go after signing in; kept in the OIDC `state` so it survives the redirect. */
export type SignInState = { returnTo?: string }

export function readReturnTo(state: unknown): string {
  if (state && typeof state === 'object' && 'returnTo' in state) {
    const returnTo = (state as SignInState).returnTo
    // Only same-app paths: never an absolute URL taken from the round trip.
    if (typeof returnTo === 'string' && returnTo.startsWith('/') && !returnTo.startsWith('//')) {
      return returnTo
    }
  }
  // "/" leads on to the start page of the user's role
  return '/'
}
