#!/bin/sh
# Writes the app's settings (public/env.js) from the container's environment at start, so that one
# image serves any installation: DEALERDESK_OIDC_AUTHORITY, DEALERDESK_OIDC_CLIENT_ID,
# DEALERDESK_OIDC_SCOPE and DEALERDESK_OIDC_AUDIENCE; unset ones keep the build's values. Run by the
# nginx image's entrypoint before nginx starts.
set -eu
json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
{
  printf 'window.__DEALERDESK_CONFIG__ = {'
  sep=''
  for pair in AUTHORITY:oidcAuthority CLIENT_ID:oidcClientId SCOPE:oidcScope AUDIENCE:oidcAudience; do
    value=$(printenv "DEALERDESK_OIDC_${pair%%:*}" || true)
    if [ -n "$value" ]; then
      printf '%s%s: %s' "$sep" "${pair#*:}" "$(json_string "$value")"; sep=', '
    fi
  done
  printf '}\n'
} > /usr/share/nginx/html/env.js
