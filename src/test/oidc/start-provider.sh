#!/usr/bin/env bash
# Starts the test OpenID Connect provider: start-provider.sh <work dir> <port>. Installs oidc-provider (pinned by
# package-lock.json) into the work dir the first time; answers once the discovery document is served.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$1"
port="$2"
mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$here/provider.mjs" "$work/"
if [ ! -d "$work/node_modules/oidc-provider" ]; then
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
cd "$work"
nohup node provider.mjs "$port" >"$work/provider.log" 2>&1 &
echo $! >"$work/provider.pid"
for _ in $(seq 1 100); do
  if curl -fsS "http://localhost:$port/.well-known/openid-configuration" >/dev/null 2>&1; then
    exit 0
  fi
  sleep 0.1
done
echo "the OpenID Connect provider did not start; its log:" >&2
cat "$work/provider.log" >&2
exit 1
