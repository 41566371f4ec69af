// Settings read when the page loads, before the app. The web-ui image writes this file from its
// environment when the container starts (docker-entrypoint.d/40-dealerdesk-env.sh); here it is
// empty, so the build's settings (VITE_OIDC_*) or their defaults apply (src/lib/oidc.ts).
window.__DEALERDESK_CONFIG__ = {}
