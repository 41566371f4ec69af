interface ImportMetaEnv {
  /** Base URL of the OpenID Connect provider (issuer). Default: http://localhost:9000 */
  readonly VITE_OIDC_AUTHORITY?: string
  /** The public client registered for this app at the provider. Default: dealerdesk-web */
  readonly VITE_OIDC_CLIENT_ID?: string
  /** Scopes asked for at sign-in. Default: openid profile dealerdesk.read dealerdesk.write */
  readonly VITE_OIDC_SCOPE?: string
  /** Sent as `audience` at sign-in, for providers that need it (Auth0). Default: none */
  readonly VITE_OIDC_AUDIENCE?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}

/** Settings of an installation, from /env.js (written when the web-ui container starts). */
interface Window {
  readonly __DEALERDESK_CONFIG__?: {
    readonly oidcAuthority?: string
    readonly oidcClientId?: string
    readonly oidcScope?: string
    readonly oidcAudience?: string
  }
}
