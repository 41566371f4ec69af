#!/bin/sh
# Writes the app's settings (public/env.js) from the container's environment at start, so that one
# image serves any installation: DEALERDESK_OIDC_AUTHORITY and DEALERDESK_OIDC_CLIENT_ID; unset
# ones keep the build's values. Run by the nginx image's entrypoint before nginx starts.
set -eu
json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
{
  printf 'window.__DEALERDESK_CONFIG__ = {'
  sep=''
  if [ -n "${DEALERDESK_OIDC_AUTHORITY:-}" ]; then
    printf '%soidcAuthority: %s' "$sep" "$(json_string "$DEALERDESK_OIDC_AUTHORITY")"; sep=', '
  fi
  if [ -n "${DEALERDESK_OIDC_CLIENT_ID:-}" ]; then
    printf '%soidcClientId: %s' "$sep" "$(json_string "$DEALERDESK_OIDC_CLIENT_ID")"
  fi
  printf '}\n'
} > /usr/share/nginx/html/env.js
